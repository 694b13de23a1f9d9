using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary><c>GET /v1/organization/projects</c>: the organization's projects (ids and names), all pages.</summary>
    public static class OrganizationProjects
    {
        private const int PageSize = 100;
        private const int MaximumPages = 100;

        public static async Task<IReadOnlyList<KeyValuePair<string, string?>>> ListAsync(BillingCall call)
        {
            var projects = new List<KeyValuePair<string, string?>>();
            string? after = null;
            for (int page = 0; page < MaximumPages; page++)
            {
                var query = new QueryString().Add("limit", PageSize).Add("after", after);
                var response = await BillingTransport.GetAsync(call, "/v1/organization/projects" + query).ConfigureAwait(false);
                var (items, hasMore, last) = ResponseErrors.Read(call, response, EndpointFamily.Admin, "project list", Parse);
                projects.AddRange(items);
                if (!hasMore || last == null || last == after)
                {
                    break;
                }

                after = last;
            }

            return projects;
        }

        private static (List<KeyValuePair<string, string?>>, bool, string?) Parse(JsonElement root)
        {
            var data = JsonRead.Array(root, "data") ?? throw new BodyShapeException("it has no data array");
            var items = new List<KeyValuePair<string, string?>>();
            foreach (var project in data.EnumerateArray())
            {
                string? id = JsonRead.String(project, "id");
                if (!string.IsNullOrEmpty(id))
                {
                    items.Add(new KeyValuePair<string, string?>(id!, JsonRead.String(project, "name")));
                }
            }

            string? last = JsonRead.String(root, "last_id") ?? (items.Count > 0 ? items[items.Count - 1].Key : null);
            return (items, JsonRead.Bool(root, "has_more") ?? false, last);
        }
    }
}
