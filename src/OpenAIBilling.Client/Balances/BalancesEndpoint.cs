using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Responses;

namespace OpenAIBilling.Balances
{
    /// <summary>
    /// <c>GET /v1/balances</c>, which some hosts have and OpenAI does not. One request per base URI at a time
    /// decides whether the host has it; keys for the same host wait for that answer. "Absent" is remembered
    /// only after a 404/405 or a 200 that is not a balance body; other failures decide nothing. A probe that fails
    /// for a reason of the host (timeout, connection, 5xx or 429 after retries, a malformed answer) ends every key
    /// waiting on it with that error at once; a failure of the key itself (401/403) hands the probe to the next key.
    /// </summary>
    internal static class BalancesEndpoint
    {
        public const string Path = "/v1/balances";
        private static readonly ConcurrentDictionary<string, HostState> Hosts = new ConcurrentDictionary<string, HostState>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The balance for this key, or an <c>EndpointNotFound</c> error when the host has no such endpoint.</summary>
        public static async Task<BalancesBody> GetAsync(BillingCall call)
        {
            var state = Hosts.GetOrAdd(call.Host.Display, _ => new HostState());
            while (true)
            {
                var (known, probe) = state.Enter();
                if (known == false)
                {
                    throw Absent(call, remembered: true);
                }

                if (known == true || probe == null)
                {
                    // Either the host is known to have it, or this request is the probe.
                    return await AskAsync(call, state, isProbe: known != true).ConfigureAwait(false);
                }

                var hostFailure = await probe.ConfigureAwait(false);
                if (hostFailure != null)
                {
                    throw hostFailure.Redacted(null);
                }
            }
        }

        private static async Task<BalancesBody> AskAsync(BillingCall call, HostState state, bool isProbe)
        {
            bool? decided = null;
            BillingException? hostFailure = null;
            try
            {
                var verdict = await BillingTransport.GetAsync(call, Endpoint.Balances, Path).ConfigureAwait(false);
                if (verdict.NotFound == NotFoundMeaning.Absent)
                {
                    decided = false;
                    throw Absent(call, remembered: false);
                }

                var body = TryRead(call, verdict);
                if (body == null)
                {
                    decided = false;
                    throw Absent(call, remembered: false);
                }

                decided = true;
                return body;
            }
            catch (BillingException ex) when (isProbe && decided == null && ResponseClassifier.IsHostFailure(ex))
            {
                hostFailure = ex;
                throw;
            }
            finally
            {
                if (isProbe)
                {
                    state.Decide(decided, hostFailure);
                }
            }
        }

        /// <summary>
        /// The balance in the answer; null when a successful answer is not a balance at all (a web page, another JSON
        /// document). Failures and error envelopes throw their errors; a balance body with a field of the wrong kind
        /// is <c>InvalidResponse</c>.
        /// </summary>
        private static BalancesBody? TryRead(BillingCall call, ResponseVerdict verdict)
        {
            try
            {
                return ResponseErrors.Read(call, verdict, "balance", BalancesBody.TryParse);
            }
            catch (BillingException ex) when (verdict.IsSuccess && ex.InnerException is System.Text.Json.JsonException)
            {
                return null;
            }
        }

        private static BillingException Absent(BillingCall call, bool remembered) =>
            new BillingException(BillingErrorId.EndpointNotFound,
                $"{call.Host.Display} does not serve {Path}{(remembered ? " (learned earlier in this session)" : string.Empty)}.",
                Advice.Of(AdviceKind.BalancesEndpointAbsent))
            {
                SourceDoesNotApply = true,
            }
            .WithResponse(404, null, null, null);

        /// <summary>What is known of one host: yes, no, or not yet (with the probe under way, if any).</summary>
        private sealed class HostState
        {
            private readonly object _gate = new object();
            private bool? _hasEndpoint;
            private TaskCompletionSource<BillingException?>? _probe;

            /// <summary>
            /// The known answer, or the probe to wait for (its task gives the host's failure, or null when the next
            /// key should ask); (null, null) makes the caller the probe.
            /// </summary>
            public (bool? Known, Task<BillingException?>? Probe) Enter()
            {
                lock (_gate)
                {
                    if (_hasEndpoint.HasValue)
                    {
                        return (_hasEndpoint, null);
                    }

                    if (_probe != null)
                    {
                        return (null, _probe.Task);
                    }

                    _probe = new TaskCompletionSource<BillingException?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    return (null, null);
                }
            }

            public void Decide(bool? hasEndpoint, BillingException? hostFailure)
            {
                TaskCompletionSource<BillingException?>? probe;
                lock (_gate)
                {
                    if (hasEndpoint.HasValue)
                    {
                        _hasEndpoint = hasEndpoint;
                    }

                    probe = _probe;
                    _probe = null;
                }

                probe?.TrySetResult(hostFailure);
            }
        }
    }
}
