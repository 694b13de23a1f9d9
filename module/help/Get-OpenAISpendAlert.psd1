# Help source of Get-OpenAISpendAlert; build/HelpBuilder.psm1 turns it into MAML. Common parameters: CommonParameters.psd1.
@{
    Synopsis    = 'Gets the spend alerts of an OpenAI organization or project, and when each is projected to fire (Admin key).'
    Description = @(
        'Get-OpenAISpendAlert lists the spend alerts of the organization (GET /v1/organization/spend_alerts), or of one project with -ProjectId (GET /v1/organization/projects/{id}/spend_alerts), one OpenAIBilling.SpendAlert object per alert, sorted by ThresholdUsd. Every page of the list is read (the API pages with after = the last id until has_more is false). Only an Admin key (sk-admin-) is answered; any other key gets OpenAIBilling.AdminKeyRequired.'
        'ThresholdUsd is the alert''s threshold in US dollars (the API gives cents). Channel is how the alert is sent (email) and Recipients who gets it, joined with "; " so that Export-Csv keeps it in one column.'
        'Together with the list, and in the same moment, one request to the organization costs API (filtered to the project with -ProjectId) fetches the current UTC month and the 7 days before today. PeriodUsedUsd is the spend of the alert''s current interval (the calendar month, UTC, through today; only cost buckets that start in the month count). Triggered is true when that spend has already reached the threshold. Otherwise ProjectedTriggerDate is the UTC day the spend reaches the threshold at the daily rate, when that day is within the month; else (or when the rate is 0) it is empty.'
        'The daily rate is the mean spend of the last 7 complete UTC days (today - 7 through today - 1), whether or not they lie in the current month, so a forecast exists on the month''s first day too. The projected day is today plus (threshold - spend) divided by the rate, rounded up to whole days. Derived figures round midpoints away from zero.'
        'Objects with an ApiKey property (such as the rows of Import-Csv) can be piped in; they are answered concurrently, up to -ThrottleLimit requests at a time, and the results keep the input order. A key that fails writes a non-terminating error naming its KeyHint and Name, and the other keys go on.'
    )
    Parameters  = @{
        ApiKey    = @{
            Description = @(
                'An Admin key (sk-admin-), as a string, a SecureString (from Get-Secret, or a Key Vault secret''s SecretValue) or a PSCredential (its password, as Get-AutomationPSCredential gives it); nothing else is accepted. Also known as -Key and -Token. Surrounding whitespace and one pair of quotes are removed; a key that is empty after that, or has whitespace, a control character or anything outside printable ASCII inside (a byte-order mark, curly quotes), fails with OpenAIBilling.InvalidApiKeyFormat before any request.'
                'Takes keys from the pipeline by value (Get-Content keys.txt, or the objects this module writes, which carry the key that produced them without ever showing it) and by the ApiKey, Key or Token property (Import-Csv keys.csv). A piped object that brings no key is OpenAIBilling.NoApiKey for that item: the environment''s key is never used for it.'
                'When -ApiKey is not given, the key is $env:OPENAI_ADMIN_KEY if the host is api.openai.com, else $env:OPENAI_API_KEY. With neither, the call fails with OpenAIBilling.NoApiKey.'
            )
            Default     = '$env:OPENAI_ADMIN_KEY (api.openai.com only), then $env:OPENAI_API_KEY'
        }
        ProjectId = @{
            Description = @(
                'The project (proj_...) whose spend alerts to get, measured against that project''s costs; without it, the organization''s alerts against the organization''s costs. Takes the ProjectId property of piped objects.'
            )
        }
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'An Admin key.' }
        @{ Type = 'System.Security.SecureString'; Description = 'An Admin key, for example from Get-Secret.' }
        @{ Type = 'System.Management.Automation.PSCredential'; Description = 'An Admin key as the credential''s password, for example from Get-AutomationPSCredential.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ApiKey, BaseUri, Name and ProjectId properties, such as the rows of Import-Csv keys.csv; each property may be missing.' }
    )
    Outputs     = @(
        @{ Type = 'OpenAIBilling.SpendAlert'; Description = 'One per alert, sorted by ThresholdUsd: Name, KeyHint, BaseUri, Id, ProjectId, ThresholdUsd, Interval, Channel, Recipients, PeriodUsedUsd, ProjectedTriggerDate (UTC day), Triggered, RetrievedAt. Money in USD (decimal).' }
    )
    Notes       = @(
        'Errors have a FullyQualifiedErrorId starting with OpenAIBilling.<Id>, and ErrorDetails.RecommendedAction says what to do. Those this cmdlet may give: NoApiKey, InvalidApiKeyFormat, InvalidArgument (a bad -BaseUri), InvalidApiKey, AdminKeyRequired, EndpointNotFound, RateLimited, ServerError, ConnectionFailed, ApiError, InvalidResponse (also for money in a currency other than US dollars), Timeout, UnencryptedAuthentication.'
        'The key never appears in output or messages; KeyHint is its only trace. On Windows PowerShell 5.1, -Debug stops to ask before each debug message; set $DebugPreference = ''Continue'' instead.'
    )
    Links       = @(
        @{ Text = 'about_OpenAIBilling' }
        @{ Text = 'Get-OpenAIBalance' }
        @{ Text = 'Get-OpenAIUsage' }
    )
    Examples    = @(
        @{
            Title   = 'The organization''s alerts, and the next one to fire'
            Code    = 'Get-OpenAISpendAlert | Where-Object { -not $_.Triggered } | Sort-Object ThresholdUsd | Select-Object -First 1 Id, ThresholdUsd, PeriodUsedUsd, ProjectedTriggerDate'
            Remarks = @(
                'With $env:OPENAI_ADMIN_KEY set to an Admin key, this lists the organization''s spend alerts and shows the lowest one that has not fired yet, with the month''s spend so far and the day it is projected to fire (empty when not this month).'
            )
        }
        @{
            Title   = 'Alerts of two projects, for a report'
            Code    = '''proj_alpha'', ''proj_beta'' | ForEach-Object { Get-OpenAISpendAlert -ApiKey (Get-Secret OpenAIAdmin) -ProjectId $_ } | Select-Object ProjectId, Id, ThresholdUsd, PeriodUsedUsd, Triggered, Recipients'
            Remarks = @(
                'Each project''s alerts are measured against that project''s costs. Recipients is one string, its addresses joined with "; ", so the rows go to Export-Csv as they are.'
            )
        }
        @{
            Title   = 'Azure Automation runbook: fail the job when the highest alert is about to fire'
            Code    = @'
$alerts = @(Get-OpenAISpendAlert -ApiKey (Get-AutomationVariable -Name 'OpenAIAdminKey') -ErrorAction Stop)
if ($alerts.Count -eq 0) {
    throw 'The organization has no spend alert: set one in the OpenAI platform''s limits page.'
}
$highest = $alerts[-1]
$soon = [DateTime]::UtcNow.Date.AddDays(3)
if ($highest.Triggered -or ($null -ne $highest.ProjectedTriggerDate -and $highest.ProjectedTriggerDate -le $soon)) {
    throw "OpenAI spend of $($highest.PeriodUsedUsd) USD this month has reached, or within 3 days will reach, the $($highest.ThresholdUsd) USD alert."
}
$alerts
'@
            Remarks = @(
                'The Admin key is stored as an encrypted Automation variable. The alerts come sorted by ThresholdUsd, so the last is the highest. ProjectedTriggerDate is empty when the alert is not projected to fire this month, so it is compared only when it is there ($null on the left of -ne). throw fails the job (Write-Error alone does not), so an Azure Monitor alert on failed jobs can notify you.'
            )
        }
    )
}
