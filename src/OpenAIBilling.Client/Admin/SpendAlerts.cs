using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// <c>GET /v1/organization/spend_alerts</c> (or a project's): every page, following <c>after</c> = the last id
    /// until <c>has_more</c> is false. <c>threshold_amount</c> is cents; it becomes USD here.
    /// </summary>
    internal static class SpendAlerts
    {
        private const int PageSize = 100;
        private const int MaximumPages = 1000;
        private const decimal CentsPerDollar = 100m;

        public static async Task<List<Entry>> ListAsync(BillingCall call, string? projectId)
        {
            string path = projectId == null
                ? "/v1/organization/spend_alerts"
                : "/v1/organization/projects/" + Uri.EscapeDataString(projectId) + "/spend_alerts";
            var alerts = new List<Entry>();
            string? after = null;
            for (int page = 0; page < MaximumPages; page++)
            {
                var query = new QueryString().Add("limit", PageSize).Add("after", after);
                var response = await BillingTransport.GetAsync(call, path + query).ConfigureAwait(false);
                var (items, hasMore, last) = ResponseErrors.Read(call, response, EndpointFamily.Admin, "spend alert list", Parse);
                alerts.AddRange(items);
                if (!hasMore)
                {
                    return alerts;
                }

                if (last == null || last == after)
                {
                    throw JsonBody.InvalidShape(response, "spend alert list", "has_more is true but the page gives no new last id to continue after");
                }

                after = last;
            }

            throw new BillingException(BillingErrorId.InvalidResponse,
                $"{call.Host.Display} kept answering has_more after {MaximumPages} pages of {path}.",
                "Try again later; the list should end.");
        }

        private static (List<Entry>, bool, string?) Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var data = JsonRead.Array(root, "data") ?? throw new BodyShapeException("it has no data array");
            var items = new List<Entry>();
            foreach (var alert in data.EnumerateArray())
            {
                if (alert.ValueKind != JsonValueKind.Object)
                {
                    throw new BodyShapeException("an alert is not an object");
                }

                items.Add(Entry.Parse(alert));
            }

            string? last = JsonRead.String(root, "last_id") ?? (items.Count > 0 ? items[items.Count - 1].Id : null);
            return (items, JsonRead.Bool(root, "has_more") ?? false, last);
        }

        /// <summary>One alert as the server gave it, money in USD.</summary>
        internal sealed class Entry
        {
            public string? Id { get; private set; }

            public string? ProjectId { get; private set; }

            public decimal ThresholdUsd { get; private set; }

            public string? Interval { get; private set; }

            public string? Channel { get; private set; }

            public IReadOnlyList<string> Recipients { get; private set; } = Array.Empty<string>();

            public static Entry Parse(JsonElement alert)
            {
                var cents = JsonRead.Decimal(alert, "threshold_amount") ?? throw new BodyShapeException("an alert has no threshold_amount");
                JsonRead.RequireUsd(alert, "currency");
                var channel = JsonRead.Object(alert, "notification_channel");
                var recipients = new List<string>();
                var list = channel.HasValue ? JsonRead.Array(channel.Value, "recipients") : null;
                if (list.HasValue)
                {
                    foreach (var recipient in list.Value.EnumerateArray())
                    {
                        if (recipient.ValueKind == JsonValueKind.String)
                        {
                            recipients.Add(JsonRead.AsString(recipient));
                        }
                    }
                }

                return new Entry
                {
                    Id = JsonRead.String(alert, "id"),
                    ProjectId = JsonRead.String(alert, "project_id"),
                    ThresholdUsd = cents / CentsPerDollar,
                    Interval = JsonRead.String(alert, "interval"),
                    Channel = channel.HasValue ? JsonRead.String(channel.Value, "type") : null,
                    Recipients = recipients,
                };
            }
        }
    }
}
