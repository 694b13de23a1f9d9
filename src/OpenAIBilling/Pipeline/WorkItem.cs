using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;

namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>
    /// One pipeline input being answered in the background. Its output and messages wait in a queue until the
    /// pipeline thread writes them, so that nothing is written from another thread and output keeps input order.
    /// </summary>
    internal sealed class WorkItem : IBillingLog
    {
        private readonly ConcurrentQueue<ItemEvent> _events = new ConcurrentQueue<ItemEvent>();
        private readonly SemaphoreSlim _changed;

        public WorkItem(ErrorTarget target, Keys.ApiKey? key, SemaphoreSlim changed, bool wantsVerbose, bool wantsDebug)
        {
            Target = target;
            Key = key;
            _changed = changed;
            WantsVerbose = wantsVerbose;
            WantsDebug = wantsDebug;
        }

        public bool WantsVerbose { get; }

        public bool WantsDebug { get; }

        /// <summary>The item's key, so that any unexpected failure text can be redacted.</summary>
        public Keys.ApiKey? Key { get; }

        /// <summary>Who the item answers for, for its error records.</summary>
        public ErrorTarget Target { get; }

        public Task Completion { get; private set; } = Task.CompletedTask;

        /// <summary>
        /// Starts the work on the calling (pipeline) thread, so that it reads the parameters bound for this input
        /// before the next input rebinds them; it goes on in the background from its first wait.
        /// </summary>
        public void Start(Func<WorkItem, Task> work)
        {
            try
            {
                Completion = work(this);
            }
            catch (Exception ex)
            {
                Completion = Task.FromException(ex);
            }

            Completion.ContinueWith(_ => _changed.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public void Emit(object record)
        {
            if (record is BillingRecord billingRecord)
            {
                RecordRedactor.Clean(billingRecord, Key);
            }

            Enqueue(ItemEvent.Output(record));
        }

        public bool TryTake(out ItemEvent next) => _events.TryDequeue(out next);

        // Messages are redacted for the item's key on their way out, whatever the client already did.
        public void Verbose(string message) => Enqueue(ItemEvent.Message(ItemEventKind.Verbose, SecretRedactor.Redact(message, Key)));

        public void Debug(string message) => Enqueue(ItemEvent.Message(ItemEventKind.Debug, SecretRedactor.Redact(message, Key)));

        public void Warning(string message) => Enqueue(ItemEvent.Message(ItemEventKind.Warning, SecretRedactor.Redact(message, Key)));

        public void WindowProgress(int done, int total) => Enqueue(ItemEvent.Progress(done, total));

        private void Enqueue(ItemEvent item)
        {
            _events.Enqueue(item);
            _changed.Release();
        }
    }
}
