using System;
using System.Collections.Generic;
using OpenAIBilling.Usage;

namespace OpenAIBilling.Admin
{
    /// <summary>The grouping and filters of a costs query.</summary>
    internal sealed class CostFilter
    {
        public static readonly CostFilter None = new CostFilter();

        public IReadOnlyCollection<CostGroupBy> GroupBy { get; set; } = Array.Empty<CostGroupBy>();

        public IReadOnlyCollection<string> ProjectIds { get; set; } = Array.Empty<string>();

        public IReadOnlyCollection<string> ApiKeyIds { get; set; } = Array.Empty<string>();
    }
}
