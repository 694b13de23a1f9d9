# Help source of Get-OpenAISubscription; build/HelpBuilder.psm1 turns it into MAML. Common parameters: CommonParameters.psd1.
@{
    Synopsis    = 'Gets the spending limit and plan of an OpenAI account, project or relay token.'
    Description = @(
        'Get-OpenAISubscription answers "what is my limit" for one key or for every key piped to it, and names the source in the Source property.'
        'With an Admin key (sk-admin-) the answer comes from the organization spend limit (GET /v1/organization/spend_limit), or from a project''s with -ProjectId (Source SpendLimit): HardLimitUsd is the limit in US dollars (the API gives cents), Interval is its period (month) and EnforcementStatus says whether it is enforced. When the organization has no spend limit set, HardLimitUsd is empty.'
        'With any other key the answer comes from the dashboard subscription endpoint (Source Subscription): HardLimitUsd, SoftLimitUsd, SystemHardLimitUsd, HasPaymentMethod, PlanId, PlanTitle and AccessUntil (empty when the server says 0, which relays use for "never"). On api.openai.com only a browser session key (sess-) is answered; an ordinary key gets OpenAIBilling.SessionKeyRequired. Relays (one-api, new-api and the like) answer their own tokens; a token with unlimited quota (a limit of 100000000 or more) has IsUnlimited set and no limits.'
        'Keys piped in (strings, SecureStrings, or objects with ApiKey, BaseUri, Name and ProjectId properties such as the rows of Import-Csv) are answered concurrently, up to -ThrottleLimit requests at a time; results keep the input order. A key that fails writes a non-terminating error naming its KeyHint and Name, and the other keys go on.'
    )
    Parameters  = @{
        ApiKey    = @{
            Description = @(
                'The key, as a string, a SecureString (from Get-Secret, or a Key Vault secret''s SecretValue) or a PSCredential (its password, as Get-AutomationPSCredential gives it); nothing else is accepted. Also known as -Key and -Token. Surrounding whitespace and one pair of quotes are removed; a key that is empty after that, or has whitespace, a control character or anything outside printable ASCII inside (a byte-order mark, curly quotes), fails with OpenAIBilling.InvalidApiKeyFormat before any request. An Admin key (sk-admin-) reads the spend limit; a session key (sess-) or a relay token reads the dashboard subscription.'
                'Takes keys from the pipeline by value (Get-Content keys.txt, or the objects this module writes, which carry the key that produced them without ever showing it) and by the ApiKey, Key or Token property (Import-Csv keys.csv). A piped object that brings no key is OpenAIBilling.NoApiKey for that item: the environment''s key is never used for it.'
                'When -ApiKey is not given, the key is $env:OPENAI_ADMIN_KEY if the host is api.openai.com (an Admin key is never sent to a relay by default), else $env:OPENAI_API_KEY. With neither, the call fails with OpenAIBilling.NoApiKey.'
            )
            Default     = '$env:OPENAI_ADMIN_KEY (api.openai.com only), then $env:OPENAI_API_KEY'
        }
        ProjectId = @{
            Description = @(
                'With an Admin key: the project (proj_...) whose spend limit to get instead of the organization''s. Any other key has no per-project limits: the item fails with OpenAIBilling.InvalidArgument. Takes the ProjectId property of piped objects.'
            )
        }
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'A key, for example one line of Get-Content keys.txt.' }
        @{ Type = 'System.Security.SecureString'; Description = 'A key, for example from Get-Secret.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ApiKey, BaseUri, Name and ProjectId properties, such as the rows of Import-Csv keys.csv; each property may be missing.' }
    )
    Outputs     = @(
        @{ Type = 'OpenAIBilling.Subscription'; Description = 'One per key: Name, KeyHint, BaseUri, Source (SpendLimit or Subscription), HardLimitUsd, SoftLimitUsd, SystemHardLimitUsd, HasPaymentMethod, PlanId, PlanTitle, AccessUntil, IsUnlimited, Interval, EnforcementStatus, ProjectId, RetrievedAt. Money in USD (decimal); a property the source does not give is empty.' }
    )
    Notes       = @(
        'Errors have a FullyQualifiedErrorId starting with OpenAIBilling.<Id>, and ErrorDetails.RecommendedAction says what to do. Those this cmdlet may give: NoApiKey, InvalidApiKeyFormat, InvalidArgument, InvalidApiKey, KeyExhausted, SessionKeyRequired (an ordinary key on api.openai.com), AdminKeyRequired, EndpointNotFound, RateLimited, ServerError, ConnectionFailed, ApiError, InvalidResponse, Timeout, UnencryptedAuthentication.'
        'The key never appears in output or messages; KeyHint is its only trace. On Windows PowerShell 5.1, -Debug stops to ask before each debug message; set $DebugPreference = ''Continue'' instead.'
    )
    Examples    = @(
        @{
            Title   = 'The organization spend limit'
            Code    = 'Get-OpenAISubscription'
            Remarks = @(
                'With $env:OPENAI_ADMIN_KEY set to an Admin key, this shows the organization''s monthly spend limit in USD and whether it is enforced.'
            )
        }
        @{
            Title   = 'A project''s spend limit, with the Admin key from a vault'
            Code    = 'Get-OpenAISubscription -ApiKey (Get-Secret OpenAIAdmin) -ProjectId proj_alpha'
            Remarks = @(
                'Get-Secret returns a SecureString, which -ApiKey takes as it is. The project''s ID is in its settings page or in the ProjectId column of Get-OpenAIUsage -GroupBy Project.'
            )
        }
        @{
            Title   = 'Limits of many keys from a CSV file'
            Code    = 'Import-Csv keys.csv | Get-OpenAISubscription | Select-Object Name, Source, HardLimitUsd, IsUnlimited, AccessUntil'
            Remarks = @(
                'keys.csv has the columns ApiKey, BaseUri and Name (any may be missing or empty). Admin keys report their organization''s spend limit, relay tokens their quota and expiry.'
            )
        }
        @{
            Title   = 'Azure Automation runbook: warn before a relay token expires'
            Code    = @'
$token = Get-AutomationPSCredential -Name 'RelayToken'
$subscription = Get-OpenAISubscription -ApiKey $token -BaseUri https://relay.example.com/v1 -Name 'relay' -ErrorAction Stop
$subscription
if ($null -ne $subscription.AccessUntil -and $subscription.AccessUntil -lt [DateTimeOffset]::UtcNow.AddDays(14)) {
    throw "The relay token $($subscription.KeyHint) expires on $($subscription.AccessUntil.ToString('yyyy-MM-dd'))."
}
'@
            Remarks = @(
                'The token is stored as an Automation credential (its password is the token). AccessUntil is null for a token that never expires, so it is checked first. throw fails the job (Write-Error would not), so an alert on failed jobs fires when the token expires within 14 days.'
            )
        }
    )
}
