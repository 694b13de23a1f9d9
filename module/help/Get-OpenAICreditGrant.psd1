# Help source of Get-OpenAICreditGrant; build/HelpBuilder.psm1 turns it into MAML. Common parameters: CommonParameters.psd1.
@{
    Synopsis    = 'Gets the credit grants of an OpenAI account, one object per grant (session keys).'
    Description = @(
        'Get-OpenAICreditGrant lists the free or promotional credit granted to an OpenAI account, one OpenAIBilling.CreditGrant object per grant: how much was granted, used and is left (US dollars, decimal), and when the grant took effect and expires (UTC).'
        'The answer comes from the dashboard credit_grants endpoint, which OpenAI answers for browser session keys (sess-) only: an ordinary key gets OpenAIBilling.SessionKeyRequired. Relays (one-api, new-api and the like) do not serve it: OpenAIBilling.EndpointNotFound. For the total across grants, use Get-OpenAIBalance -Source CreditGrants.'
        'Objects with an ApiKey property (such as the rows of Import-Csv) can be piped in; they are answered concurrently, up to -ThrottleLimit requests at a time, and the results keep the input order. A key that fails writes a non-terminating error naming its KeyHint and Name, and the other keys go on.'
    )
    Parameters  = @{
        ApiKey = @{
            Description = @(
                'A browser session key (sess-), as a string, a SecureString (from Get-Secret, or a Key Vault secret''s SecretValue) or a PSCredential (its password, as Get-AutomationPSCredential gives it); nothing else is accepted. Also known as -Key and -Token. Surrounding whitespace and one pair of quotes are removed; a key that is empty after that, or has whitespace, a control character or anything outside printable ASCII inside (a byte-order mark, curly quotes), fails with OpenAIBilling.InvalidApiKeyFormat before any request.'
                'Takes keys from the pipeline by value (Get-Content keys.txt, or the objects this module writes, which carry the key that produced them without ever showing it) and by the ApiKey, Key or Token property (Import-Csv keys.csv). A piped object that brings no key is OpenAIBilling.NoApiKey for that item: the environment''s key is never used for it.'
                'When -ApiKey is not given, the key is $env:OPENAI_ADMIN_KEY if the host is api.openai.com, else $env:OPENAI_API_KEY; an Admin key is not a session key, so pass the session key with -ApiKey when $env:OPENAI_ADMIN_KEY is set. With neither, the call fails with OpenAIBilling.NoApiKey.'
            )
            Default     = '$env:OPENAI_ADMIN_KEY (api.openai.com only), then $env:OPENAI_API_KEY'
        }
    }
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ApiKey, BaseUri and Name properties, such as the rows of Import-Csv keys.csv; each property may be missing.' }
    )
    Outputs     = @(
        @{ Type = 'OpenAIBilling.CreditGrant'; Description = 'One per grant: Name, KeyHint, BaseUri, Id, GrantAmountUsd, UsedAmountUsd, AvailableUsd (GrantAmountUsd minus UsedAmountUsd), EffectiveAt, ExpiresAt (UTC DateTimeOffset).' }
    )
    Notes       = @(
        'Errors have a FullyQualifiedErrorId starting with OpenAIBilling.<Id>, and ErrorDetails.RecommendedAction says what to do. Those this cmdlet may give: NoApiKey, InvalidApiKeyFormat, InvalidArgument (a bad -BaseUri), InvalidApiKey, SessionKeyRequired, EndpointNotFound, RateLimited, ServerError, ConnectionFailed, ApiError, InvalidResponse, Timeout, UnencryptedAuthentication.'
        'The dashboard endpoints are undocumented and a session key lasts only as long as the browser session it came from. The key never appears in output or messages; KeyHint is its only trace. On Windows PowerShell 5.1, -Debug stops to ask before each debug message; set $DebugPreference = ''Continue'' instead.'
    )
    Examples    = @(
        @{
            Title   = 'Grants of a session key from a vault'
            Code    = 'Get-OpenAICreditGrant -ApiKey (Get-Secret OpenAISession)'
            Remarks = @(
                'Get-Secret returns a SecureString, which -ApiKey takes as it is. Each grant is one object.'
            )
        }
        @{
            Title   = 'Grants with money left, for the session keys in a CSV file'
            Code    = 'Import-Csv keys.csv | Where-Object ApiKey -like ''sess-*'' | Get-OpenAICreditGrant | Where-Object AvailableUsd -gt 0 | Sort-Object ExpiresAt'
            Remarks = @(
                'keys.csv has the columns ApiKey, BaseUri and Name; only its session keys are asked. The grant that expires first comes first.'
            )
        }
        @{
            Title   = 'Azure Automation runbook: alert when credit runs low'
            Code    = @'
$grants = @(Get-OpenAICreditGrant -ApiKey (Get-AutomationPSCredential -Name 'OpenAISessionKey') -ErrorAction Stop)
$grants
$left = [decimal] ($grants | Measure-Object AvailableUsd -Sum).Sum
if ($left -lt 5) {
    throw "Only $left USD of credit is left."
}
'@
            Remarks = @(
                'The session key is stored as an Automation credential (its password is the key). -ErrorAction Stop and throw are terminating, and only a terminating error fails an Azure Automation job (Write-Error does not). The sum is cast to decimal, so no grants at all count as 0 USD left.'
            )
        }
    )
}
