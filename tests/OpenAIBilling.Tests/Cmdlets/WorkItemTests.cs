using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;
using Xunit;

namespace OpenAIBilling.Tests.Cmdlets
{
    /// <summary>The one way a record leaves the module: stamped from its input's request, cleaned, and carrying the key.</summary>
    public sealed class WorkItemTests : IDisposable
    {
        private const string Key = "sk-relaytoken000000000000001234";
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0);
        private readonly ApiKey _key = ApiKey.Parse(Key);

        public void Dispose() => _changed.Dispose();

        [Fact]
        public async Task An_emitted_record_gets_the_requests_Name_KeyHint_and_BaseUri_is_cleaned_and_carries_the_key()
        {
            var item = NewItem();
            var grant = new CreditGrant { Id = "grant " + Key, GrantAmountUsd = 5m, AvailableUsd = 5m };
            item.Start(new Emitting(NewCall(item), it => it.Emit(grant)));
            await item.Completion;

            var written = Assert.Single(Events(item));
            Assert.Same(grant, written.Payload);
            Assert.Equal("row 1", grant.Name);
            Assert.Equal("sk-...1234", grant.KeyHint);
            Assert.Equal("https://relay.example", grant.BaseUri);
            Assert.Equal("grant sk-***", grant.Id);
            Assert.Same(_key, grant.Origin);
        }

        [Fact]
        public async Task A_list_is_stamped_whole_so_its_figure_warnings_come_before_its_records()
        {
            var item = NewItem();
            var grants = new BillingRecord[]
            {
                new CreditGrant { Id = "grant_1", GrantAmountUsd = -1m },
                new CreditGrant { Id = "grant_2", GrantAmountUsd = -2m },
            };
            item.Start(new Emitting(NewCall(item), it => it.EmitAll(grants)));
            await item.Completion;

            Assert.Equal(new[] { ItemEventKind.Warning, ItemEventKind.Warning, ItemEventKind.Output, ItemEventKind.Output }, Events(item).Select(e => e.Kind));
        }

        private WorkItem NewItem() => new WorkItem(new ErrorTarget("sk-...1234", "row 1", "https://relay.example"), _key, _changed, wantsVerbose: false, wantsDebug: false);

        private BillingCall NewCall(WorkItem item) =>
            new BillingCall(_key, BillingHost.Parse(new Uri("https://relay.example")), new RequestSettings { Log = item }, "row 1");

        private static List<ItemEvent> Events(WorkItem item)
        {
            var events = new List<ItemEvent>();
            while (item.TryTake(out var next))
            {
                events.Add(next);
            }

            return events;
        }

        /// <summary>A request whose work is the given emits.</summary>
        private sealed class Emitting : InputRequest
        {
            private readonly Action<WorkItem> _work;

            public Emitting(BillingCall call, Action<WorkItem> work)
                : base(call)
            {
                _work = work;
            }

            public override Task RunAsync(WorkItem item)
            {
                _work(item);
                return Task.CompletedTask;
            }
        }
    }
}
