namespace OpenAIBilling.Usage
{
    /// <summary>Whether <c>Get-OpenAIUsage</c> gives one record per group for the range, or per day.</summary>
    public enum CostGranularity
    {
        Total,
        Daily,
    }
}
