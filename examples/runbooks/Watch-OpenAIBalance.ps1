<#
.SYNOPSIS
    An Azure Automation runbook: checks the balance of every configured OpenAI key and writes an error for each one
    that is low or heading to run out before the period ends.
.DESCRIPTION
    Reads the keys from the encrypted Automation variable named by -KeysVariable: one key per line, or
    "Name=key" lines to label them. Writes one OpenAIBilling.Balance object per key (so the job's output is a
    report), and a non-terminating error per key whose AvailableUsd is below -MinimumAvailableUsd or whose
    forecast runs out within -MinimumDaysLeft days. Alert rules on the job's error stream do the rest.
.PARAMETER KeysVariable
    The Automation variable holding the keys.
.PARAMETER BaseUri
    The API's base URI (a relay's address, or https://api.openai.com). Default: $env:OPENAI_BASE_URL, else OpenAI.
.PARAMETER MinimumAvailableUsd
    Alert when less than this many US dollars are left.
.PARAMETER MinimumDaysLeft
    Alert when the forecast says the money runs out within this many days.
#>
[CmdletBinding()]
param(
    [string] $KeysVariable = 'OpenAIKeys',
    [uri] $BaseUri,
    [decimal] $MinimumAvailableUsd = 10,
    [int] $MinimumDaysLeft = 3
)

Import-Module OpenAIBilling

# Automation may hand the variable back in quotes; each key is also cleaned by the module itself.
$text = ([string] (Get-AutomationVariable -Name $KeysVariable)).Trim()
if ($text.Length -ge 2 -and $text[0] -eq '"' -and $text[-1] -eq '"') { $text = $text.Substring(1, $text.Length - 2) }

$entries = foreach ($line in ($text -split "`r?`n")) {
    $line = $line.Trim()
    if (-not $line) { continue }
    $name, $key = if ($line -match '^([^=]+)=(.+)$') { $Matches[1].Trim(), $Matches[2] } else { $null, $line }
    $entry = [pscustomobject]@{ ApiKey = $key; Name = $name }
    if ($BaseUri) { $entry | Add-Member -NotePropertyName BaseUri -NotePropertyValue $BaseUri }
    $entry
}

$today = [DateTime]::UtcNow.Date
$entries | Get-OpenAIBalance | ForEach-Object {
    $balance = $_
    $label = if ($balance.Name) { "$($balance.Name) ($($balance.KeyHint))" } else { $balance.KeyHint }
    if ($null -ne $balance.AvailableUsd -and $balance.AvailableUsd -lt $MinimumAvailableUsd) {
        Write-Error -ErrorId 'OpenAIBalanceLow' -Category LimitsExceeded -TargetObject $label `
            -Message "OpenAI balance for $label is down to $($balance.AvailableUsd) USD (threshold $MinimumAvailableUsd USD)."
    }
    elseif ($null -ne $balance.ProjectedExhaustion -and ($balance.ProjectedExhaustion - $today).TotalDays -lt $MinimumDaysLeft) {
        Write-Error -ErrorId 'OpenAIBalanceRunningOut' -Category LimitsExceeded -TargetObject $label `
            -Message "OpenAI balance for $label will run out around $($balance.ProjectedExhaustion.ToString('yyyy-MM-dd')) at $($balance.DailyAverageUsd) USD a day."
    }
    $balance
}
