<#
.SYNOPSIS
    The usual script people write to check many relay keys: for each key, one Invoke-RestMethod for the
    subscription, then one for the month's usage, key after key. The baseline of benchmark scenario 1.
.DESCRIPTION
    Computes the same balance as Get-OpenAIBalance's Subscription source for a relay key:
    AvailableUsd = hard_limit_usd - total_usage / 100 (usage is in cents), over the month to date (UTC).
    No /v1/balances probe, no retries, no error handling: two round trips per key, in sequence.
    With several base URIs, key number i goes to host i modulo their count (the benchmark's keys over four hosts).
.EXAMPLE
    ./Naive-Balance.ps1 -Path keys.txt -BaseUri http://127.0.0.1:5000
#>
[CmdletBinding()]
param(
    # One key per line; blank lines are skipped.
    [Parameter(Mandatory)][string] $Path,
    # The relay's base URI (without /v1), or several.
    [Parameter(Mandatory)][string[]] $BaseUri
)

$ErrorActionPreference = 'Stop'
$hosts = @($BaseUri | ForEach-Object { $_.TrimEnd('/') })
$number = 0
$today = [DateTime]::UtcNow.Date
$monthStart = [DateTime]::new($today.Year, $today.Month, 1)
# end_date is exclusive on the wire.
$usageQuery = '?start_date={0:yyyy-MM-dd}&end_date={1:yyyy-MM-dd}' -f $monthStart, $today.AddDays(1)

foreach ($line in Get-Content -LiteralPath $Path) {
    $key = $line.Trim()
    if (-not $key) { continue }
    $base = $hosts[$number++ % $hosts.Count]
    $headers = @{ Authorization = "Bearer $key" }
    $subscription = Invoke-RestMethod -Uri "$base/v1/dashboard/billing/subscription" -Headers $headers
    $usage = Invoke-RestMethod -Uri "$base/v1/dashboard/billing/usage$usageQuery" -Headers $headers
    $limit = [decimal] $subscription.hard_limit_usd
    $used = [decimal] $usage.total_usage / 100
    [pscustomobject]@{
        KeyHint      = '...' + $key.Substring($key.Length - 4)
        LimitUsd     = $limit
        UsedUsd      = $used
        AvailableUsd = $limit - $used
    }
}
