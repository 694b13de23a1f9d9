using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using OpenAIBilling.Commands.Parameters;
using OpenAIBilling.Commands.Pipeline;
using OpenAIBilling.Errors;
using OpenAIBilling.Http;
using OpenAIBilling.Keys;

namespace OpenAIBilling.Commands
{
    /// <summary>
    /// What every OpenAIBilling cmdlet shares: the common parameters (docs/DESIGN.md, "Keys, hosts and the
    /// environment"), and the life of a call — each input is started on a shared throttle, a bounded number ahead of
    /// the output, and handed to <see cref="OrderedOutput"/>, which writes the results in input order; Ctrl+C cancels
    /// everything (docs/DESIGN.md, "Flow through the code").
    /// </summary>
    public abstract class BillingCommand : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private RequestThrottle? _throttle;
        private OrderedOutput? _output;
        private bool _wantsVerbose;
        private string? _organization;
        private string? _project;

        /// <summary>
        /// The key: a string, SecureString, PSCredential (its password) or an object this module wrote. Each cmdlet's
        /// help says which kinds of key answer it (module/help/*.psd1).
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Key", "Token")]
        [ApiKeyTransformation]
        [AllowNull]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API's base URI; default <c>$env:OPENAI_BASE_URL</c>, else https://api.openai.com. With or without <c>/v1</c>.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("BaseUrl", "Url")]
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

        /// <summary>Requests in flight for this call, across keys and windows; without it, <see cref="RequestThrottle.CreateDefault"/>.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        /// <summary>Allows sending the key over plain http to a host that is not loopback.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Today (UTC), fixed for the whole call.</summary>
        protected DateTime Today { get; private set; }


        /// <summary>
        /// Checks and prepares the cmdlet's own parameters once; a <see cref="BillingException"/> here (a bad
        /// parameter combination, bad dates) is the only terminating error (docs/DESIGN.md, "Error ids").
        /// </summary>
        protected virtual void PrepareArguments()
        {
        }

        /// <summary>
        /// Captures what this input needs — <paramref name="call"/> and the cmdlet's own parameters as bound now — in
        /// an immutable request; the work reads only that, so the next input may rebind the parameters meanwhile.
        /// </summary>
        internal abstract InputRequest CreateRequest(BillingCall call);

        protected override void BeginProcessing()
        {
            Today = DateTime.UtcNow.Date;
            _throttle = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) ? new RequestThrottle(ThrottleLimit) : RequestThrottle.CreateDefault();
            // With -Debug, PowerShell turns the verbose and warning preferences not given explicitly into Inquire, and
            // an inquiry fails under -NonInteractive: then verbose is not written and warnings go out as debug lines.
            bool debugSwitch = SwitchGiven("Debug");
            _wantsVerbose = (!debugSwitch || MyInvocation.BoundParameters.ContainsKey("Verbose")) && StreamShown("Verbose", "VerbosePreference");
            bool warningsAsDebug = debugSwitch && !MyInvocation.BoundParameters.ContainsKey("WarningAction");
            _output = new OrderedOutput(this, _stopping.Token, _wantsVerbose, StreamShown("Debug", "DebugPreference"), warningsAsDebug, _throttle.InputsAhead);
            try
            {
                _organization = HeaderValue.Checked(Organization, "-Organization") ?? HeaderValue.Checked(KeyChain.Environment(KeyChain.OrganizationVariable), "$env:" + KeyChain.OrganizationVariable);
                _project = HeaderValue.Checked(Project, "-Project") ?? HeaderValue.Checked(KeyChain.Environment(KeyChain.ProjectVariable), "$env:" + KeyChain.ProjectVariable);
                PrepareArguments();
            }
            catch (BillingException ex)
            {
                ThrowTerminatingError(BillingErrorRecord.Create(ex, MyInvocation.MyCommand, null));
            }
        }

        protected override void ProcessRecord()
        {
            bool keyBound = MyInvocation.BoundParameters.ContainsKey("ApiKey");
            string? plainKey = keyBound && ApiKey != null ? SecureText.ToPlainText(ApiKey) : keyBound ? string.Empty : null;
            if (keyBound && MyInvocation.ExpectingInput && Keys.ApiKey.IsBlank(plainKey))
            {
                Verbose("Skipped a blank key.");
                return;
            }

            _output!.WaitForRoom();
            var item = _output!.NewItem(new ErrorTarget(null, Name, null), null);
            try
            {
                var host = KeyChain.ResolveHost(BaseUri);
                if (!keyBound && MyInvocation.ExpectingInput)
                {
                    throw KeyChain.PipedObjectWithoutKey(Name, host);
                }

                var key = KeyChain.Resolve(plainKey, host);
                item = _output.NewItem(new ErrorTarget(key.Hint, Name, host.Display), key);
                item.Start(CreateRequest(new BillingCall(key, host, CreateSettings(item), Name)));
            }
            catch (BillingException ex)
            {
                item.Start(_ => Task.FromException(ex));
            }

            _output.Add(item);
        }

        protected override void EndProcessing() => _output!.Complete();

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _stopping.Cancel();
            _stopping.Dispose();
            _throttle?.Dispose();
            _output?.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Writes a verbose line of the call itself, only when verbose is shown (so that -Debug never inquires).</summary>
        protected void Verbose(string message)
        {
            if (_wantsVerbose)
            {
                WriteVerbose(message);
            }
        }

        /// <summary>Whether -Verbose or -Debug (or the preference variables) show that stream for this call.</summary>
        private bool SwitchGiven(string switchName) =>
            MyInvocation.BoundParameters.TryGetValue(switchName, out var bound) && bound is SwitchParameter given && given.IsPresent;

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
            Organization = _organization,
            Project = _project,
            Proxy = Proxy,
            TimeoutSec = TimeoutSec,
            MaximumRetryCount = MaximumRetryCount,
            RetryIntervalSec = MyInvocation.BoundParameters.ContainsKey(nameof(RetryIntervalSec)) ? RetryIntervalSec : (int?)null,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
            Throttle = _throttle!,
            Log = log,
            CancellationToken = _stopping.Token,
        };
    }
}
