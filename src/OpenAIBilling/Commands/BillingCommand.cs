using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Errors;
using OpenAIBilling.Hosts;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// What every OpenAIBilling cmdlet shares: the common parameters (spec §2.2), and the pipeline engine that
    /// answers each input in the background, up to -ThrottleLimit requests at a time, while writing results in
    /// input order from the pipeline thread as soon as they and everything before them are done.
    /// </summary>
    public abstract class BillingCommand : PSCmdlet, IDisposable
    {
        private const int ProgressActivityId = 0x0A1B;
        private readonly Queue<WorkItem> _items = new Queue<WorkItem>();
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0);
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private RequestThrottle? _throttle;
        private int _read;
        private int _done;
        private bool _progressShown;
        private bool _wantsVerbose;
        private bool _wantsDebug;

        /// <summary>The API's base URI; default <c>$env:OPENAI_BASE_URL</c>, else https://api.openai.com. With or without <c>/v1</c>.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [AllowNull]
        public Uri? BaseUri { get; set; }

        /// <summary>A label carried into every output object.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [AllowNull]
        public string? Name { get; set; }

        /// <summary>Sent as <c>OpenAI-Organization</c>; default <c>$env:OPENAI_ORG_ID</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        /// <summary>Sent as <c>OpenAI-Project</c>; default <c>$env:OPENAI_PROJECT_ID</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        /// <summary>An HTTP proxy; without it the platform's proxy settings apply.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>Seconds each request may take.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = RequestSettings.DefaultTimeoutSec;

        /// <summary>How often a failed request is tried again.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = RequestSettings.DefaultMaximumRetryCount;

        /// <summary>A fixed delay between retries; without it, exponential backoff.</summary>
        [Parameter]
        [ValidateRange(1, 60)]
        public int RetryIntervalSec { get; set; }

        /// <summary>Requests in flight for this call, across keys and windows.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = RequestSettings.DefaultThrottleLimit;

        /// <summary>Allows sending the key over plain http to a host that is not loopback.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Today (UTC), fixed for the whole call.</summary>
        protected DateTime Today { get; private set; }

        /// <summary>The cmdlet's own <c>-ApiKey</c> (each declares it, since pipeline binding differs).</summary>
        protected abstract SecureString? ApiKeyInput { get; }

        /// <summary>Checks and prepares the cmdlet's own parameters once; a <see cref="BillingException"/> here is terminating.</summary>
        protected virtual void PrepareArguments()
        {
        }

        /// <summary>Answers one input: writes objects and messages through <paramref name="item"/>.</summary>
        internal abstract Task RunAsync(BillingCall call, WorkItem item);

        protected override void BeginProcessing()
        {
            Today = DateTime.UtcNow.Date;
            _throttle = new RequestThrottle(ThrottleLimit);
            _wantsVerbose = StreamShown("Verbose", "VerbosePreference");
            _wantsDebug = StreamShown("Debug", "DebugPreference");
            try
            {
                PrepareArguments();
            }
            catch (BillingException ex)
            {
                ThrowTerminatingError(BillingErrorRecord.Create(ex, null));
            }
        }

        protected override void ProcessRecord()
        {
            bool keyBound = MyInvocation.BoundParameters.ContainsKey("ApiKey");
            string? plainKey = keyBound && ApiKeyInput != null ? SecureText.ToPlainText(ApiKeyInput) : keyBound ? string.Empty : null;
            if (keyBound && MyInvocation.ExpectingInput && ApiKey.IsBlank(plainKey))
            {
                WriteVerbose("Skipped a blank key.");
                return;
            }

            _read++;
            var item = NewItem(new ErrorTarget(null, Name, null), null);
            try
            {
                var host = KeyChain.ResolveHost(BaseUri);
                var key = KeyChain.Resolve(plainKey, host);
                item = NewItem(new ErrorTarget(key.Hint, Name, host.Display), key);
                var call = new BillingCall(key, host, CreateSettings(item), Name);
                item.Start(it => RunAsync(call, it));
            }
            catch (BillingException ex)
            {
                item.Start(_ => Task.FromException(ex));
            }

            _items.Enqueue(item);
            Drain(wait: false);
        }

        protected override void EndProcessing()
        {
            Drain(wait: true);
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _stopping.Cancel();
            _stopping.Dispose();
            _throttle?.Dispose();
            _changed.Dispose();
            GC.SuppressFinalize(this);
        }

        private WorkItem NewItem(ErrorTarget target, ApiKey? key) => new WorkItem(target, key, _changed, _wantsVerbose, _wantsDebug);

        /// <summary>Whether -Verbose or -Debug (or the preference variables) show that stream for this call.</summary>
        private bool StreamShown(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound) && bound is SwitchParameter given)
            {
                return given.IsPresent;
            }

            return LanguagePrimitives.TryConvertTo(GetVariableValue(preferenceVariable), out ActionPreference preference)
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        private RequestSettings CreateSettings(IBillingLog log) => new RequestSettings
        {
            Organization = Organization ?? KeyChain.Environment(KeyChain.OrganizationVariable),
            Project = Project ?? KeyChain.Environment(KeyChain.ProjectVariable),
            Proxy = Proxy,
            TimeoutSec = TimeoutSec,
            MaximumRetryCount = MaximumRetryCount,
            RetryIntervalSec = MyInvocation.BoundParameters.ContainsKey(nameof(RetryIntervalSec)) ? RetryIntervalSec : (int?)null,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
            Throttle = _throttle!,
            Log = log,
            CancellationToken = _stopping.Token,
        };

        /// <summary>Writes what the items at the head of the queue have ready; with <paramref name="wait"/>, until all are done.</summary>
        private void Drain(bool wait)
        {
            while (_items.Count > 0)
            {
                var head = _items.Peek();
                WriteEvents(head);
                if (head.Completion.IsCompleted)
                {
                    WriteEvents(head);
                    _items.Dequeue();
                    _done++;
                    ShowProgress();
                    if (head.Completion.IsFaulted || head.Completion.IsCanceled)
                    {
                        ReportFailure(head);
                    }

                    continue;
                }

                if (!wait)
                {
                    return;
                }

                try
                {
                    _changed.Wait(_stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        private void WriteEvents(WorkItem item)
        {
            while (item.TryTake(out var next))
            {
                switch (next.Kind)
                {
                    case ItemEventKind.Output: WriteObject(next.Payload); break;
                    case ItemEventKind.Verbose: WriteVerbose((string)next.Payload); break;
                    case ItemEventKind.Debug: WriteDebug((string)next.Payload); break;
                    case ItemEventKind.Warning: WriteWarning((string)next.Payload); break;
                    case ItemEventKind.WindowProgress: ShowWindowProgress((int[])next.Payload); break;
                }
            }
        }

        private void ShowWindowProgress(int[] doneAndTotal)
        {
            var record = new ProgressRecord(ProgressActivityId + 1, MyInvocation.MyCommand.Name + " windows", $"{doneAndTotal[0]} done of {doneAndTotal[1]} windows")
            {
                PercentComplete = 100 * doneAndTotal[0] / doneAndTotal[1],
                RecordType = doneAndTotal[0] == doneAndTotal[1] ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            WriteProgress(record);
        }

        private void ShowProgress()
        {
            if (_read > 1)
            {
                _progressShown = true;
                WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, $"{_done} done of {_read} read"));
            }
        }

        private void ReportFailure(WorkItem item)
        {
            Exception? failure = item.Completion.Exception?.GetBaseException();
            if (item.Completion.IsCanceled || failure is OperationCanceledException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                failure = new TimeoutException("The request was cancelled.");
            }

            var error = failure as BillingException ?? BillingErrorRecord.Wrap(failure!, item.Key);
            var record = BillingErrorRecord.Create(error, item.Target);
            if (MyInvocation.ExpectingInput)
            {
                WriteError(record);
            }
            else
            {
                ThrowTerminatingError(record);
            }
        }
    }
}
