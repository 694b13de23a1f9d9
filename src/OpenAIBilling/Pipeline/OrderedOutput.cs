using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using OpenAIBilling.Errors;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Commands.Pipeline
{
    /// <summary>
    /// The pipeline engine of one cmdlet call: inputs are answered in the background, and what they produce is written
    /// from the pipeline thread in input order, each item as soon as it and every item before it are done.
    /// Every failure of an item is a non-terminating error for that item, however its key arrived. Progress counts
    /// items, with a percentage once every input has been read, and a status line while one slow item is waited on.
    /// At most a given number of items wait at a time, so memory stays flat however many inputs come
    /// (docs/DESIGN.md, "Flow through the code").
    /// </summary>
    internal sealed class OrderedOutput : IDisposable
    {
        private const int ProgressActivityId = 0x0A1B;
        private static readonly TimeSpan WaitingStatusInterval = TimeSpan.FromSeconds(1);
        private readonly Queue<WorkItem> _items = new Queue<WorkItem>();
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0);
        private readonly PSCmdlet _cmdlet;
        private readonly CancellationToken _stopping;
        private readonly bool _wantsVerbose;
        private readonly bool _wantsDebug;
        private readonly bool _warningsAsDebug;
        private readonly int _maximumWaiting;
        private int _read;
        private int _done;
        private bool _progressShown;
        private bool _allRead;

        public OrderedOutput(PSCmdlet cmdlet, CancellationToken stopping, bool wantsVerbose, bool wantsDebug, bool warningsAsDebug, int maximumWaiting)
        {
            _warningsAsDebug = warningsAsDebug;
            _maximumWaiting = maximumWaiting;
            _cmdlet = cmdlet;
            _stopping = stopping;
            _wantsVerbose = wantsVerbose;
            _wantsDebug = wantsDebug;
        }

        private string Activity => _cmdlet.MyInvocation.MyCommand.Name;

        public WorkItem NewItem(ErrorTarget target, ApiKey? key) => new WorkItem(target, key, _changed, _wantsVerbose, _wantsDebug);

        /// <summary>Queues a started item and writes whatever is ready, without waiting.</summary>
        public void Add(WorkItem item)
        {
            _read++;
            _items.Enqueue(item);
            Drain(wait: false);
        }

        /// <summary>Before an item is started: writes what is ready and waits while the most items allowed are waiting.</summary>
        public void WaitForRoom() => Drain(wait: true, keepWaiting: _maximumWaiting - 1);

        /// <summary>Waits for every item and writes all that is left; completes the progress bar.</summary>
        public void Complete()
        {
            _allRead = true;
            Drain(wait: true);
            if (_progressShown)
            {
                _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        public void Dispose() => _changed.Dispose();

        private void Drain(bool wait, int keepWaiting = 0)
        {
            while (_items.Count > keepWaiting)
            {
                var head = _items.Peek();
                WriteEvents(head);
                if (head.Completion.IsCompleted)
                {
                    WriteEvents(head);
                    _items.Dequeue();
                    _done++;
                    ShowProgress(null);
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

                WaitForChange(head);
            }
        }

        /// <summary>Waits until some item has news; while the head item keeps the output waiting, says so once a second.</summary>
        private void WaitForChange(WorkItem head)
        {
            try
            {
                while (!_changed.Wait(WaitingStatusInterval, _stopping))
                {
                    ShowProgress(head);
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        private void WriteEvents(WorkItem item)
        {
            while (item.TryTake(out var next))
            {
                switch (next.Kind)
                {
                    case ItemEventKind.Output: _cmdlet.WriteObject(next.Payload); break;
                    case ItemEventKind.Verbose: _cmdlet.WriteVerbose((string)next.Payload); break;
                    case ItemEventKind.Debug: _cmdlet.WriteDebug((string)next.Payload); break;
                    case ItemEventKind.Warning: WriteWarning((string)next.Payload); break;
                    case ItemEventKind.WindowProgress: ShowWindowProgress((int[])next.Payload); break;
                }
            }
        }

        /// <summary>A warning, or under -Debug without -WarningAction (where WriteWarning would inquire) a debug line.</summary>
        private void WriteWarning(string message)
        {
            if (_warningsAsDebug)
            {
                _cmdlet.WriteDebug("WARNING: " + message);
            }
            else
            {
                _cmdlet.WriteWarning(message);
            }
        }

        private void ShowWindowProgress(int[] doneAndTotal)
        {
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId + 1, Activity + " windows", $"{doneAndTotal[0]} done of {doneAndTotal[1]} windows")
            {
                PercentComplete = 100 * doneAndTotal[0] / doneAndTotal[1],
                RecordType = doneAndTotal[0] == doneAndTotal[1] ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }

        /// <summary>"N done of M read" when there is more than one input; the item waited on, when there is one.</summary>
        private void ShowProgress(WorkItem? waitingFor)
        {
            if (_read <= 1 && waitingFor == null)
            {
                return;
            }

            string status = _read > 1 ? $"{_done} done of {_read} read" : string.Empty;
            if (waitingFor != null)
            {
                status += (status.Length == 0 ? "Waiting" : "; waiting") + $" for {waitingFor.Target} ({(int)waitingFor.Elapsed.TotalSeconds} s)";
            }

            _progressShown = true;
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, status)
            {
                PercentComplete = _allRead ? 100 * _done / _read : -1,
            });
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
            _cmdlet.WriteError(BillingErrorRecord.Create(error, _cmdlet.MyInvocation.MyCommand, item.Target, item.Key));
        }
    }
}
