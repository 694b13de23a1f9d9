namespace OpenAIBilling.Usage
{
    /// <summary>What <c>Get-OpenAIUsage -GroupBy</c> splits costs by.</summary>
    public enum CostGroupBy
    {
        LineItem,
        Project,
        ApiKey,
    }
}
