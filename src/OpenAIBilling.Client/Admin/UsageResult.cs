using System.Text.Json;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary>Reads one <c>organization.usage.*.result</c> into a record; fields the endpoint lacks stay null.</summary>
    internal static class UsageResult
    {
        public static TokenUsageRecord Parse(JsonElement result) => new TokenUsageRecord
        {
            Model = JsonRead.String(result, "model"),
            ProjectId = JsonRead.String(result, "project_id"),
            ApiKeyId = JsonRead.String(result, "api_key_id"),
            UserId = JsonRead.String(result, "user_id"),
            Batch = JsonRead.Bool(result, "batch"),
            ServiceTier = JsonRead.String(result, "service_tier"),
            Size = JsonRead.String(result, "size"),
            ImageSource = JsonRead.String(result, "source"),
            VectorStoreId = JsonRead.String(result, "vector_store_id"),
            ContextLevel = JsonRead.String(result, "context_level"),
            InputTokens = JsonRead.Long(result, "input_tokens"),
            OutputTokens = JsonRead.Long(result, "output_tokens"),
            InputCachedTokens = JsonRead.Long(result, "input_cached_tokens"),
            Requests = JsonRead.Long(result, "num_model_requests"),
            ToolRequests = JsonRead.Long(result, "num_requests"),
            Images = JsonRead.Long(result, "images"),
            Characters = JsonRead.Long(result, "characters"),
            Seconds = JsonRead.Long(result, "seconds"),
            UsageBytes = JsonRead.Long(result, "usage_bytes"),
            Sessions = JsonRead.Long(result, "num_sessions"),
        };
    }
}
