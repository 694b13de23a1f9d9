using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenAIBilling.Tests.Support
{
    /// <summary>Answers built for a test from a known daily series, in the shapes of the real fixtures.</summary>
    internal static class Bodies
    {
        /// <summary>A costs page with one ungrouped bucket per day given (amount in USD).</summary>
        public static string Costs(params (DateTime Day, decimal Usd)[] days)
        {
            var buckets = days.Select(d =>
            {
                long start = Unix(d.Day);
                return "{\"object\":\"bucket\",\"start_time\":" + start + ",\"end_time\":" + (start + 86400) +
                       ",\"results\":[{\"object\":\"organization.costs.result\",\"amount\":{\"value\":" + Number(d.Usd) +
                       ",\"currency\":\"usd\"},\"line_item\":null,\"project_id\":null}]}";
            });
            return "{\"object\":\"page\",\"data\":[" + string.Join(",", buckets) + "],\"has_more\":false,\"next_page\":null}";
        }

        /// <summary>A legacy usage answer with one "Chat models" line per day given (cost in cents) and its exact total.</summary>
        public static string LegacyUsage(params (DateTime Day, decimal Cents)[] days)
        {
            var entries = days.Select(d =>
                "{\"timestamp\":" + Unix(d.Day) + ".0,\"line_items\":[{\"name\":\"Chat models\",\"cost\":" + Number(d.Cents) + "}]}");
            decimal total = days.Sum(d => d.Cents);
            return "{\"object\":\"list\",\"daily_costs\":[" + string.Join(",", entries) + "],\"total_usage\":" + Number(total) + "}";
        }

        /// <summary>A credit summary with one grant.</summary>
        public static string CreditGrants(decimal grantedUsd, decimal usedUsd, DateTimeOffset expiresAt)
        {
            var text = new StringBuilder();
            text.Append("{\"object\":\"credit_summary\",\"total_granted\":").Append(Number(grantedUsd))
                .Append(",\"total_used\":").Append(Number(usedUsd))
                .Append(",\"total_available\":").Append(Number(grantedUsd - usedUsd))
                .Append(",\"grants\":{\"object\":\"list\",\"data\":[{\"object\":\"credit_grant\",\"id\":\"grant-1\",\"grant_amount\":").Append(Number(grantedUsd))
                .Append(",\"used_amount\":").Append(Number(usedUsd))
                .Append(",\"effective_at\":1767225600,\"expires_at\":").Append(expiresAt.ToUnixTimeSeconds()).Append("}]}}");
            return text.ToString();
        }

        public static long Unix(DateTime day) => new DateTimeOffset(DateTime.SpecifyKind(day, DateTimeKind.Utc)).ToUnixTimeSeconds();

        private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
