using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// <c>GET /v1/organization/spend_alerts</c> (or a project's): every page (<see cref="CursorPages"/>).
    /// <c>threshold_amount</c> is cents; it becomes USD here.
    /// </summary>
    internal static class SpendAlerts
    {
        private const int MaximumPages = 1000;

        public static Task<List<Entry>> ListAsync(BillingCall call, string? projectId)
        {
            string path = projectId == null
                ? "/v1/organization/spend_alerts"
                : "/v1/organization/projects/" + Uri.EscapeDataString(projectId) + "/spend_alerts";
            return CursorPages.ReadAllAsync(call, path, "spend alert list", Entry.Parse, entry => entry.Id, MaximumPages, endlessIsError: true);
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
                if (alert.ValueKind != JsonValueKind.Object)
                {
                    throw new BodyShapeException("an alert is not an object");
                }

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
                    ThresholdUsd = Cents.ToUsd(cents),
                    Interval = JsonRead.String(alert, "interval"),
                    Channel = channel.HasValue ? JsonRead.String(channel.Value, "type") : null,
                    Recipients = recipients,
                };
            }
        }
    }
}
