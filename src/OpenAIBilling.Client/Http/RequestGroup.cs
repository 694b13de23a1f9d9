using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAIBilling.Http
{
    /// <summary>
    /// The requests of one answer for one key (every window and page of a range): when one of them fails for good,
    /// the others are cancelled at once and end with that same failure, so no request is sent for a key whose answer
    /// is already an error (docs/DESIGN.md, HTTP behaviour). Ctrl+C still ends them as cancelled.
    /// </summary>
    internal sealed class RequestGroup
    {
        private readonly CancellationToken _outer;
        private readonly CancellationTokenSource _stop;
        private Exception? _firstFailure;

        public RequestGroup(BillingCall call)
        {
            _outer = call.Settings.CancellationToken;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(_outer);
            Call = call.WithCancellation(_stop.Token);
        }

        /// <summary>The call whose requests belong to the group.</summary>
        public BillingCall Call { get; }

        /// <summary>Runs one member; its failure cancels the rest, and a member cancelled for it rethrows it.</summary>
        public async Task<T> RunAsync<T>(Func<BillingCall, Task<T>> work)
        {
            try
            {
                return await work(Call).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (Volatile.Read(ref _firstFailure) != null && !_outer.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Capture(_firstFailure!).Throw();
                throw;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                Interlocked.CompareExchange(ref _firstFailure, ex, null);
                _stop.Cancel();
                throw;
            }
        }
    }
}
