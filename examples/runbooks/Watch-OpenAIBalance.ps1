<#
.SYNOPSIS
    An Azure Automation runbook: checks the balance of every configured OpenAI key and fails the job when any key is
    low, used up, running out or could not be checked.
.DESCRIPTION
    The keys come from Automation credential assets (-CredentialName: the user name is the label, the password the
    key) and/or from Key Vault secrets read through the Automation account's managed identity (-VaultName and
    -SecretName; the secret's SecureString goes straight into -ApiKey, never into plain text).

    The job writes one summary object: how many keys were checked, and the keys (by KeyHint) that are low, exhausted
    or expired, running out within -MinimumDaysLeft days, or failed. Each key's Balance is in its Balances property.

    Only a terminating error fails an Azure Automation job: Write-Error does not. So when any key needs attention the
    runbook ends with `throw`, naming the keys by KeyHint, and an Azure Monitor alert on failed jobs fires. A run
    without any key fails too, so a misconfigured schedule cannot pass silently.

    The thresholds are null-safe: AvailableUsd is null for unlimited relay tokens and for accounts without a spend
    limit, and ProjectedExhaustion is null when there is no forecast; `$null -lt 10` is true in PowerShell, so each
    comparison checks for null first.
.PARAMETER CredentialName
    Automation credential assets holding keys (Get-AutomationPSCredential): the password is the key.
.PARAMETER VaultName
    A Key Vault holding keys as secrets, read with the Automation account's managed identity.
.PARAMETER SecretName
    The secrets in -VaultName that hold keys; the secret's name is the label.
.PARAMETER BaseUri
    The API's base URI (a relay's address, or https://api.openai.com). Default: $env:OPENAI_BASE_URL, else OpenAI.
.PARAMETER MinimumAvailableUsd
    A key with less than this many US dollars left is low.
.PARAMETER MinimumDaysLeft
    A key whose money is forecast to run out within this many days is running out.
#>
[CmdletBinding()]
param(
    [string[]] $CredentialName = @(),
    [string] $VaultName,
    [string[]] $SecretName = @(),
    [uri] $BaseUri,
    [decimal] $MinimumAvailableUsd = 10,
    [int] $MinimumDaysLeft = 3
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
if (-not (Get-Module OpenAIBilling)) { Import-Module OpenAIBilling }

$keys = [Collections.Generic.List[object]]::new()
foreach ($name in $CredentialName) {
    $credential = Get-AutomationPSCredential -Name $name
    if ($null -eq $credential) { throw "The Automation credential '$name' does not exist." }
    $keys.Add([pscustomobject]@{ ApiKey = $credential; Name = $credential.UserName })
}
if ($SecretName.Count -gt 0) {
    if (-not $VaultName) { throw 'Give -VaultName with -SecretName.' }
    $null = Connect-AzAccount -Identity
    foreach ($name in $SecretName) {
        $secret = Get-AzKeyVaultSecret -VaultName $VaultName -Name $name
        if ($null -eq $secret) { throw "The secret '$name' does not exist in Key Vault '$VaultName'." }
        $keys.Add([pscustomobject]@{ ApiKey = $secret.SecretValue; Name = $name })
    }
}
if ($keys.Count -eq 0) {
    throw 'No OpenAI keys to check: give -CredentialName, or -VaultName with -SecretName.'
}

$options = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failures'; WarningAction = 'SilentlyContinue' }
if ($BaseUri) { $options.BaseUri = $BaseUri }
$balances = @($keys | Get-OpenAIBalance @options)

$today = [DateTime]::UtcNow.Date
$low = @($balances | Where-Object { $null -ne $_.AvailableUsd -and $_.AvailableUsd -lt $MinimumAvailableUsd -and $_.Status -eq 'Active' })
$usedUp = @($balances | Where-Object { $_.Status -ne 'Active' })
$runningOut = @($balances | Where-Object { $null -ne $_.ProjectedExhaustion -and ($_.ProjectedExhaustion - $today).TotalDays -lt $MinimumDaysLeft })
$failed = @(foreach ($failure in @($failures)) {
        $target = $failure.TargetObject
        $hint = if ($null -ne $target -and $target.PSObject.Properties['KeyHint'] -and $target.KeyHint) { $target.KeyHint } else { '(no key)' }
        "$hint ($($failure.FullyQualifiedErrorId -replace ',.*$'))"
    })

$summary = [pscustomobject]@{
    PSTypeName = 'OpenAIBilling.RunbookSummary'
    CheckedAt  = [DateTimeOffset]::UtcNow
    Checked    = $keys.Count
    Fine       = @($balances | Where-Object { $_ -notin $low -and $_ -notin $usedUp -and $_ -notin $runningOut }).Count
    Low        = @($low | ForEach-Object { $_.KeyHint })
    UsedUp     = @($usedUp | ForEach-Object { "$($_.KeyHint) ($($_.Status))" })
    RunningOut = @($runningOut | ForEach-Object { "$($_.KeyHint) ($($_.ProjectedExhaustion.ToString('yyyy-MM-dd')))" })
    Failed     = $failed
    Balances   = $balances
}
$summary

$problems = @(
    if ($summary.Low) { "low (under $MinimumAvailableUsd USD): $($summary.Low -join ', ')" }
    if ($summary.UsedUp) { "exhausted or expired: $($summary.UsedUp -join ', ')" }
    if ($summary.RunningOut) { "running out within $MinimumDaysLeft days: $($summary.RunningOut -join ', ')" }
    if ($summary.Failed) { "failed: $($summary.Failed -join ', ')" }
)
if ($problems.Count -gt 0) {
    throw "OpenAI keys need attention - $($problems -join '; ')."
}
