using System;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Json;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Admin
{
    /// <summary>
    /// <c>GET /v1/organization/spend_limit</c> (or a project's). <c>threshold_amount</c> is cents; it becomes USD here.
    /// A 404 that is not "Invalid URL" means no limit is set (<see cref="NotFoundMeaning.NoLimitSet"/>).
    /// </summary>
    internal sealed class SpendLimit
    {
        public decimal? LimitUsd { get; private set; }

        public string? Interval { get; private set; }

        public string? EnforcementStatus { get; private set; }

        public static readonly SpendLimit NotSet = new SpendLimit();

        public static async Task<SpendLimit> GetAsync(BillingCall call, string? projectId)
        {
            string path = projectId == null
                ? "/v1/organization/spend_limit"
                : "/v1/organization/projects/" + Uri.EscapeDataString(projectId) + "/spend_limit";
            var endpoint = projectId == null ? Endpoint.OrganizationSpendLimit : Endpoint.Admin;
            var verdict = await BillingTransport.GetAsync(call, endpoint, path).ConfigureAwait(false);
            if (verdict.NotFound == NotFoundMeaning.NoLimitSet)
            {
                call.Settings.Log.Verbose("No organization spend limit is set.");
                return NotSet;
            }

            return ResponseErrors.Read(call, verdict, "spend limit", Parse);
        }

        private static SpendLimit Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BodyShapeException("the body is not a JSON object");
            }

            var cents = JsonRead.Decimal(root, "threshold_amount") ?? throw new BodyShapeException("it has no threshold_amount");
            JsonRead.RequireUsd(root, "currency");
            var enforcement = JsonRead.Object(root, "enforcement");
            return new SpendLimit
            {
                LimitUsd = Cents.ToUsd(cents),
                Interval = JsonRead.String(root, "interval"),
                EnforcementStatus = enforcement.HasValue ? JsonRead.String(enforcement.Value, "status") : JsonRead.String(root, "enforcement"),
            };
        }
    }
}
