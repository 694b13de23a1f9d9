namespace OpenAIBilling.Usage
{
    /// <summary>The ten <c>/v1/organization/usage/{endpoint}</c> endpoints.</summary>
    public enum UsageEndpoint
    {
        Completions,
        Embeddings,
        Moderations,
        Images,
        AudioSpeeches,
        AudioTranscriptions,
        VectorStores,
        CodeInterpreterSessions,
        FileSearchCalls,
        WebSearchCalls,
    }

    /// <summary>The width of a usage bucket.</summary>
    public enum BucketWidth
    {
        Day,
        Hour,
        Minute,
    }

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
