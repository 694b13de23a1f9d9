using System;
using System.Threading.Tasks;
using OpenAIBilling.Http;

namespace OpenAIBilling.Sources
{
    /// <summary>
    /// Two requests of one answer for one key, made together as one <see cref="RequestGroup"/>: when one fails for
    /// good the other is cancelled, and the first one's failure is reported when both fail.
    /// </summary>
    internal static class Concurrently
    {
        public static async Task<(T1, T2)> BothAsync<T1, T2>(BillingCall call, Func<BillingCall, Task<T1>> firstWork, Func<BillingCall, Task<T2>> secondWork)
        {
            var group = new RequestGroup(call);
            var first = group.RunAsync(firstWork);
            var second = group.RunAsync(secondWork);
            try
            {
                await Task.WhenAll(first, second).ConfigureAwait(false);
            }
            catch
            {
                // Prefer the first task's error: it is the one the caller asked about first.
                if (first.IsFaulted || first.IsCanceled)
                {
                    await first.ConfigureAwait(false);
                }

                throw;
            }

            return (first.Result, second.Result);
        }
    }
}
