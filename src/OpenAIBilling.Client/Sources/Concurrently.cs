using System.Threading.Tasks;

namespace OpenAIBilling.Sources
{
    /// <summary>Awaits requests started together, reporting the first one's failure when several fail.</summary>
    internal static class Concurrently
    {
        public static async Task<(T1, T2)> BothAsync<T1, T2>(Task<T1> first, Task<T2> second)
        {
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
