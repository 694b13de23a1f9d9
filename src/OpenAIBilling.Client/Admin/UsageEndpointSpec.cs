using System;
using System.Collections.Generic;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// What each organization usage endpoint is called on the wire and which groupings and filters it takes
    /// (docs/DESIGN.md, "Sources and the Auto rules"). Asking an endpoint for anything else is <c>InvalidArgument</c> before any request.
    /// </summary>
    internal sealed class UsageEndpointSpec
    {
        private static readonly TokenUsageGroupBy[] Standard = { TokenUsageGroupBy.Project, TokenUsageGroupBy.User, TokenUsageGroupBy.ApiKey, TokenUsageGroupBy.Model };
        private static readonly UsageFilter[] StandardFilters = { UsageFilter.Project, UsageFilter.User, UsageFilter.ApiKey, UsageFilter.Model };

        private static readonly Dictionary<UsageEndpoint, UsageEndpointSpec> Specs = new Dictionary<UsageEndpoint, UsageEndpointSpec>
        {
            [UsageEndpoint.Completions] = new UsageEndpointSpec("completions", Join(Standard, TokenUsageGroupBy.Batch, TokenUsageGroupBy.ServiceTier), StandardFilters),
            [UsageEndpoint.Embeddings] = new UsageEndpointSpec("embeddings", Standard, StandardFilters),
            [UsageEndpoint.Moderations] = new UsageEndpointSpec("moderations", Standard, StandardFilters),
            [UsageEndpoint.Images] = new UsageEndpointSpec("images", Join(Standard, TokenUsageGroupBy.Size, TokenUsageGroupBy.Source), StandardFilters),
            [UsageEndpoint.AudioSpeeches] = new UsageEndpointSpec("audio_speeches", Standard, StandardFilters),
            [UsageEndpoint.AudioTranscriptions] = new UsageEndpointSpec("audio_transcriptions", Standard, StandardFilters),
            [UsageEndpoint.VectorStores] = new UsageEndpointSpec("vector_stores", new[] { TokenUsageGroupBy.Project }, new[] { UsageFilter.Project }),
            [UsageEndpoint.CodeInterpreterSessions] = new UsageEndpointSpec("code_interpreter_sessions", new[] { TokenUsageGroupBy.Project }, new[] { UsageFilter.Project }),
            [UsageEndpoint.FileSearchCalls] = new UsageEndpointSpec("file_search_calls",
                new[] { TokenUsageGroupBy.Project, TokenUsageGroupBy.User, TokenUsageGroupBy.ApiKey, TokenUsageGroupBy.VectorStore },
                new[] { UsageFilter.Project, UsageFilter.User, UsageFilter.ApiKey }),
            [UsageEndpoint.WebSearchCalls] = new UsageEndpointSpec("web_search_calls", Join(Standard, TokenUsageGroupBy.ContextLevel), StandardFilters),
        };

        private UsageEndpointSpec(string wireName, IReadOnlyCollection<TokenUsageGroupBy> groups, IReadOnlyCollection<UsageFilter> filters)
        {
            WireName = wireName;
            Groups = groups;
            Filters = filters;
        }

        public string WireName { get; }

        public IReadOnlyCollection<TokenUsageGroupBy> Groups { get; }

        public IReadOnlyCollection<UsageFilter> Filters { get; }

        public static UsageEndpointSpec For(UsageEndpoint endpoint) => Specs[endpoint];

        public static string WireGroup(TokenUsageGroupBy groupBy)
        {
            switch (groupBy)
            {
                case TokenUsageGroupBy.Model: return "model";
                case TokenUsageGroupBy.Project: return "project_id";
                case TokenUsageGroupBy.ApiKey: return "api_key_id";
                case TokenUsageGroupBy.User: return "user_id";
                case TokenUsageGroupBy.Batch: return "batch";
                case TokenUsageGroupBy.ServiceTier: return "service_tier";
                case TokenUsageGroupBy.Size: return "size";
                case TokenUsageGroupBy.Source: return "source";
                case TokenUsageGroupBy.VectorStore: return "vector_store_id";
                case TokenUsageGroupBy.ContextLevel: return "context_level";
                default: throw new ArgumentOutOfRangeException(nameof(groupBy));
            }
        }

        private static TokenUsageGroupBy[] Join(TokenUsageGroupBy[] first, params TokenUsageGroupBy[] more)
        {
            var all = new TokenUsageGroupBy[first.Length + more.Length];
            first.CopyTo(all, 0);
            more.CopyTo(all, first.Length);
            return all;
        }
    }

    /// <summary>The filters a usage endpoint may take.</summary>
    internal enum UsageFilter
    {
        Project,
        User,
        ApiKey,
        Model,
    }
}
