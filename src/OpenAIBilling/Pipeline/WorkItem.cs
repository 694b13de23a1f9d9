using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Http;
using OpenAIBilling.Redaction;

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
        private readonly Stopwatch _started = new Stopwatch();
        private BillingCall? _call;

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

        /// <summary>How long the item has been running, for the status line while it is waited on.</summary>
        public TimeSpan Elapsed => _started.Elapsed;

        /// <summary>
        /// Starts answering <paramref name="request"/>, captured for this input on the pipeline thread: the work reads
        /// only the request, so the next input may be bound while it goes on. Its records are stamped from the request's call.
        /// </summary>
        public void Start(InputRequest request)
        {
            _call = request.Call;
            Start(request.RunAsync);
        }

        /// <summary>Starts <paramref name="work"/> on the calling thread; it goes on in the background from its first wait.</summary>
        public void Start(Func<WorkItem, Task> work)
        {
            _started.Start();
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

        /// <summary>
        /// Queues an output object, the one way a record leaves the module: it is stamped by the request's call
        /// (<see cref="BillingCall.Stamp"/>), cleaned of echoed keys and escapes, and takes the item's key along,
        /// invisibly, so it chains.
        /// </summary>
        public void Emit(BillingRecord record)
        {
            Stamp(record);
            Queue(record);
        }

        /// <summary>Queues a list answered at once: every record is stamped (its figures warned about) before any is queued.</summary>
        public void EmitAll(IReadOnlyList<BillingRecord> records)
        {
            foreach (var record in records)
            {
                Stamp(record);
            }

            foreach (var record in records)
            {
                Queue(record);
            }
        }

        public bool TryTake(out ItemEvent next) => _events.TryDequeue(out next);

        /// <summary>
        /// Queues a verbose line tagged with the item's KeyHint, only when verbose is shown: writing verbose while
        /// only -Debug is on makes PowerShell 7.6 inquire, which fails under -NonInteractive.
        /// </summary>
        public void Verbose(string message)
        {
            if (WantsVerbose)
            {
                Enqueue(ItemEvent.Message(ItemEventKind.Verbose, Target + ": " + SecretRedactor.Redact(message, Key)));
            }
        }

        /// <summary>Queues a debug line tagged with the item's KeyHint, only when debug is shown.</summary>
        public void Debug(string message)
        {
            if (WantsDebug)
            {
                Enqueue(ItemEvent.Message(ItemEventKind.Debug, Target + ": " + SecretRedactor.Redact(message, Key)));
            }
        }

        public void Warning(string message) => Enqueue(ItemEvent.Message(ItemEventKind.Warning, SecretRedactor.Redact(message, Key)));

        public void WindowProgress(int done, int total) => Enqueue(ItemEvent.Progress(done, total));

        private void Stamp(BillingRecord record) =>
            (_call ?? throw new InvalidOperationException("A record was emitted by an item started without a request.")).Stamp(record);

        private void Queue(BillingRecord record)
        {
            RecordRedactor.Clean(record, Key);
            if (Key != null)
            {
                record.Origin = Key;
            }

            Enqueue(ItemEvent.Output(record));
        }

        private void Enqueue(ItemEvent item)
        {
            _events.Enqueue(item);
            _changed.Release();
        }
    }
}
