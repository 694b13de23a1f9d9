using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using OpenAIBilling.Queries;
using OpenAIBilling.Tests.Support;
using Xunit;

namespace OpenAIBilling.Tests.Client
{
    /// <summary>Spend alerts: the OpenAPI example (tests/fixtures/SOURCES.md), paging with after, the project variant, and the forecast against each threshold.</summary>
    public class SpendAlertTests
    {
        private const string AdminKey = "sk-admin-abcdefghijklmnopqrstuvwxyz4321";
        private static readonly DateTime Today = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private static DateTime Nov(int day) => new DateTime(2026, 11, day, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Nov 1..20 spend 2.5 a day: 50 USD this month, a rate of 2.5 a day.</summary>
        private static string MonthCosts() => Bodies.Costs(Enumerable.Range(1, 20).Select(d => (Nov(d), 2.5m)).ToArray());

        private static string Alert(string id, long cents, params string[] recipients) =>
            "{\"id\":\"" + id + "\",\"object\":\"organization.spend_alert\",\"threshold_amount\":" + cents + ",\"currency\":\"USD\",\"interval\":\"month\"," +
            "\"notification_channel\":{\"type\":\"email\",\"recipients\":[" + string.Join(",", recipients.Select(r => "\"" + r + "\"")) + "],\"subject_prefix\":null}}";

        private static string Page(bool hasMore, params string[] alerts) =>
            "{\"object\":\"list\",\"data\":[" + string.Join(",", alerts) + "],\"has_more\":" + (hasMore ? "true" : "false") + "}";

        [Fact]
        public async Task The_spec_example_is_one_alert_in_dollars_measured_against_the_months_costs()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_alerts", 200, Fixtures.Text("spend-alerts.openai-openapi.json"))
                .On("/v1/organization/costs", 200, MonthCosts());
            var call = TestCalls.Create(AdminKey, TestCalls.OpenAI, handler);
            var alert = call.Stamp(Assert.Single(await SpendAlertQuery.GetAsync(call, null, Today)));

            Assert.Equal("alert_abc123", alert.Id);
            Assert.Null(alert.ProjectId);
            Assert.Equal(1000m, alert.ThresholdUsd);
            Assert.Equal("month", alert.Interval);
            Assert.Equal("email", alert.Channel);
            Assert.Equal("finance@example.com", alert.Recipients);
            Assert.Equal(50m, alert.PeriodUsedUsd);
            Assert.False(alert.Triggered);
            Assert.Null(alert.ProjectedTriggerDate); // 950 ÷ 2.5 = 380 days: not this month
            Assert.Equal("sk-admin-...4321", alert.KeyHint);

            var costs = HttpUtility.ParseQueryString(Assert.Single(handler.Uris("/v1/organization/costs")).Query);
            Assert.Equal(Bodies.Unix(Nov(1)).ToString(), costs["start_time"]);
            Assert.Equal(Bodies.Unix(Nov(21)).ToString(), costs["end_time"]);
        }

        [Fact]
        public async Task Alerts_are_paged_with_after_and_sorted_by_threshold_with_the_forecast_for_each()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_alerts", request =>
                {
                    var after = HttpUtility.ParseQueryString(request.RequestUri!.Query)["after"];
                    return FakeHandler.Reply(200, after == null
                        ? Page(true, Alert("alert_60", 6000, "a@example.com", "b@example.com"), Alert("alert_40", 4000))
                        : Page(false, Alert("alert_75", 7500, "c@example.com")));
                })
                .On("/v1/organization/costs", 200, MonthCosts());
            var alerts = await SpendAlertQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), null, Today);

            Assert.Equal(new[] { "alert_40", "alert_60", "alert_75" }, alerts.Select(a => a.Id));
            Assert.Equal(new[] { 40m, 60m, 75m }, alerts.Select(a => a.ThresholdUsd));
            Assert.Equal(new[] { true, false, false }, alerts.Select(a => a.Triggered));
            // 10 left at 2.5 a day: Nov 24; 25 left: Nov 30, the month's last day.
            Assert.Equal(new DateTime?[] { null, Nov(24), Nov(30) }, alerts.Select(a => a.ProjectedTriggerDate));
            Assert.Equal("a@example.com; b@example.com", alerts[1].Recipients);
            Assert.Null(alerts[0].Recipients);

            var pages = handler.Uris("/v1/organization/spend_alerts").Select(u => HttpUtility.ParseQueryString(u.Query)).ToList();
            Assert.Equal(2, pages.Count);
            Assert.Null(pages[0]["after"]);
            Assert.Equal("alert_40", pages[1]["after"]);
            Assert.Equal("100", pages[0]["limit"]);
        }

        [Fact]
        public async Task Alerts_of_one_threshold_are_ordered_by_the_Id_as_it_is_shown()
        {
            // Raw, the escape (U+001B) sorts before "a"; shown, the Id is "b" and comes after it.
            var handler = new FakeHandler()
                .On("/v1/organization/spend_alerts", 200, Page(false, Alert("\\u001b[31mb", 6000), Alert("a", 6000)))
                .On("/v1/organization/costs", 200, MonthCosts());
            var call = TestCalls.Create(AdminKey, TestCalls.OpenAI, handler);
            var alerts = (await SpendAlertQuery.GetAsync(call, null, Today)).Select(call.Stamp).ToList();

            Assert.Equal(new[] { "a", "b" }, alerts.Select(a => a.Id));
        }

        [Fact]
        public async Task A_projects_alerts_are_measured_against_that_projects_costs()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/projects/proj_abc/spend_alerts", 200, Page(false, Alert("alert_p", 5000)))
                .On("/v1/organization/costs", 200, MonthCosts());
            var alert = Assert.Single(await SpendAlertQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), "proj_abc", Today));
            Assert.Equal("proj_abc", alert.ProjectId);
            Assert.True(alert.Triggered); // 50 of 50
            var costs = HttpUtility.ParseQueryString(Assert.Single(handler.Uris("/v1/organization/costs")).Query);
            Assert.Equal("proj_abc", costs["project_ids[]"]);
        }

        [Fact]
        public async Task The_list_and_the_costs_are_asked_at_once()
        {
            // The list answers only once the costs request has arrived: asked one after the other, it would time out.
            var inner = new FakeHandler()
                .On("/v1/organization/spend_alerts", 200, Fixtures.Text("spend-alerts.openai-openapi.json"))
                .On("/v1/organization/costs", 200, MonthCosts());
            var gate = new ListWaitsForCosts { InnerHandler = inner };
            var call = new BillingCall(ApiKey.Parse(AdminKey), BillingHost.Parse(new Uri(TestCalls.OpenAI)), new RequestSettings
            {
                Client = new HttpClient(gate) { Timeout = System.Threading.Timeout.InfiniteTimeSpan },
                MaximumRetryCount = 0,
                Log = NullBillingLog.Instance,
            });
            Assert.Single(await SpendAlertQuery.GetAsync(call, null, Today));
            Assert.True(gate.ListWaitedForCosts);
        }

        private sealed class ListWaitsForCosts : DelegatingHandler
        {
            private readonly TaskCompletionSource<bool> _costsArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public bool ListWaitedForCosts { get; private set; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.RequestUri!.AbsolutePath.EndsWith("/spend_alerts", StringComparison.Ordinal))
                {
                    ListWaitedForCosts = await Task.WhenAny(_costsArrived.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)).ConfigureAwait(false) == _costsArrived.Task;
                }
                else
                {
                    _costsArrived.TrySetResult(true);
                }

                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }

        [Fact]
        public async Task A_page_that_says_has_more_without_a_new_cursor_is_InvalidResponse()
        {
            var handler = new FakeHandler()
                .On("/v1/organization/spend_alerts", 200, "{\"object\":\"list\",\"data\":[],\"has_more\":true,\"last_id\":null}")
                .On("/v1/organization/costs", 200, MonthCosts());
            var error = await Assert.ThrowsAsync<BillingException>(() => SpendAlertQuery.GetAsync(TestCalls.Create(AdminKey, TestCalls.OpenAI, handler), null, Today));
            Assert.Equal(BillingErrorId.InvalidResponse, error.ErrorId);
        }
    }
}
