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
}
