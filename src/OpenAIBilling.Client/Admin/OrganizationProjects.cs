using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Json;

namespace OpenAIBilling.Admin
{
    /// <summary><c>GET /v1/organization/projects</c>: the organization's projects (ids and names), all pages.</summary>
    internal static class OrganizationProjects
    {
        private const int MaximumPages = 100;

        /// <summary>Every project with an id; a list that does not end is cut short, not an error (Tab completion).</summary>
        public static async Task<IReadOnlyList<KeyValuePair<string, string?>>> ListAsync(BillingCall call)
        {
            var projects = await CursorPages.ReadAllAsync(call, "/v1/organization/projects", "project list", Project.Parse,
                project => project.Id, MaximumPages, endlessIsError: false).ConfigureAwait(false);
            return projects.ConvertAll(project => new KeyValuePair<string, string?>(project.Id, project.Name));
        }

        private sealed class Project
        {
            private Project(string id, string? name)
            {
                Id = id;
                Name = name;
            }

            public string Id { get; }

            public string? Name { get; }

            public static Project? Parse(JsonElement project)
            {
                string? id = JsonRead.String(project, "id");
                return string.IsNullOrEmpty(id) ? null : new Project(id!, JsonRead.String(project, "name"));
            }
        }
    }
}
