namespace OpenAIBilling.Usage
{
    /// <summary>What <c>Get-OpenAIUsage -GroupBy</c> splits costs by.</summary>
    public enum CostGroupBy
    {
        LineItem,
        Project,
        ApiKey,
    }

    /// <summary>Whether <c>Get-OpenAIUsage</c> gives one record per group for the range, or per day.</summary>
    public enum CostGranularity
    {
        Total,
        Daily,
    }
}
