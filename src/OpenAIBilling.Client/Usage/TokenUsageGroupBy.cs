namespace OpenAIBilling.Usage
{
    /// <summary>What <c>Get-OpenAITokenUsage -GroupBy</c> splits usage by (each endpoint accepts some of these).</summary>
    public enum TokenUsageGroupBy
    {
        Model,
        Project,
        ApiKey,
        User,
        Batch,
        ServiceTier,
        Size,
        Source,
        VectorStore,
        ContextLevel,
    }
}
