<#
.SYNOPSIS
    Runs every OpenAIBilling cmdlet against the bundled fake billing server on loopback and shows the tables.
.DESCRIPTION
    Started by `dotnet pwsh ./build.ps1 -Task Demo` after a build. The fake server plays three hosts: one that
    stands in for api.openai.com, a one-api style relay, and a relay that has /v1/balances. Nothing leaves 127.0.0.1.
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../tests/pester/TestHelpers.psm1') -Force
$server = Start-FakeBillingServer
try {
    Import-OpenAIBilling

    function Show([string] $title, [scriptblock] $command) {
        Write-Host ''
        Write-Host "PS> $($command.ToString().Trim())" -ForegroundColor Cyan
        Write-Host "# $title" -ForegroundColor DarkGray
        & $command | Format-Table | Out-String -Width 120 | Write-Host
    }

    $relayToken = New-TestKey 'sk-' 'relayok'
    $unlimited = New-TestKey 'sk-' 'relayunlimited'
    $exhausted = New-TestKey 'sk-' 'relayexhausted'
    $session = New-TestKey 'sess-' 'paid'
    $admin = New-TestKey 'sk-admin-' 'org'
    $project = New-TestKey 'sk-proj-' 'project'
    $openai = $server.OpenAI
    $relay = $server.Relay
    $balances = $server.Balances

    Show 'A relay token: the hard limit minus what it used' { Get-OpenAIBalance -ApiKey $relayToken -BaseUri $relay -Name 'relay' }
    Show 'Many keys, many hosts, in input order: the used-up token is a row (Status Exhausted), not a missing line' {
        @(
            [pscustomobject]@{ ApiKey = $relayToken; BaseUri = $relay; Name = 'relay' }
            [pscustomobject]@{ ApiKey = $exhausted; BaseUri = $relay; Name = 'used up' }
            [pscustomobject]@{ ApiKey = $unlimited; BaseUri = $relay; Name = 'unlimited' }
            [pscustomobject]@{ ApiKey = $relayToken; BaseUri = $balances; Name = 'balances host' }
            [pscustomobject]@{ ApiKey = $session; BaseUri = $openai; Name = 'session key' }
            [pscustomobject]@{ ApiKey = $admin; BaseUri = $openai; Name = 'admin key' }
        ) | Get-OpenAIBalance -WarningAction SilentlyContinue | Format-Table Name, Source, Status, LimitUsd, UsedUsd, AvailableUsd, ProjectedExhaustion, ExpiresAt
    }
    Show 'An Admin key: spend limit, month to date, and where it is heading (the rate is the last 7 complete days, so the forecast is there on the 1st too)' {
        Get-OpenAIBalance -ApiKey $admin -BaseUri $openai | Format-List Source, Status, LimitUsd, UsedUsd, AvailableUsd, PercentUsed, PeriodStart, PeriodEnd, DailyAverageUsd, ProjectedPeriodUsd, ProjectedExhaustion
    }
    Show 'Prepaid credit of a session key: when it runs out at the last 7 days'' rate (or empty when the grants expire first)' {
        Get-OpenAIBalance -ApiKey $session -BaseUri $openai -Source CreditGrants | Format-List Source, LimitUsd, UsedUsd, AvailableUsd, ExpiresAt, DailyAverageUsd, ProjectedExhaustion
    }
    Show 'Limits and plans' {
        $relayToken, $unlimited | Get-OpenAISubscription -BaseUri $relay
        Get-OpenAISubscription -ApiKey $session -BaseUri $openai
        Get-OpenAISubscription -ApiKey $admin -BaseUri $openai -ProjectId proj_alpha
    }
    Show 'What a session key spent last month, by line item' {
        Get-OpenAIUsage -ApiKey $session -BaseUri $openai -Period LastMonth -GroupBy LineItem
    }
    Show 'What the organization spent in the last 7 days, per day and project' {
        Get-OpenAIUsage -ApiKey $admin -BaseUri $openai -Period Last7Days -Granularity Daily -GroupBy Project
    }
    Show 'Credit grants of a session key' { Get-OpenAICreditGrant -ApiKey $session -BaseUri $openai }
    Show 'What a relay reports: the token''s spending since it was created, whatever dates are asked' {
        Get-OpenAIUsage -ApiKey $relayToken -BaseUri $relay -Period Yesterday -WarningAction SilentlyContinue
    }
    Show 'Spend alerts of the organization: this month''s spend against each, and the day the forecast reaches it' {
        Get-OpenAISpendAlert -ApiKey $admin -BaseUri $openai
    }
    Show 'Spend alerts of a project, against that project''s costs' {
        Get-OpenAISpendAlert -ApiKey $admin -BaseUri $openai -ProjectId proj_alpha
    }
    Show 'Tokens per model, last 3 days' {
        Get-OpenAITokenUsage -ApiKey $admin -BaseUri $openai -StartDate ([DateTime]::UtcNow.Date.AddDays(-2)) -GroupBy Model
    }

    Write-Host ''
    Write-Host 'PS> Get-OpenAIBalance -ApiKey <a project key> -BaseUri <OpenAI>' -ForegroundColor Cyan
    Write-Host '# An ordinary key against OpenAI: a clear error saying which key would work' -ForegroundColor DarkGray
    try { Get-OpenAIBalance -ApiKey $project -BaseUri $openai }
    catch { Write-Host "$($_.FullyQualifiedErrorId)`n$($_.Exception.Message)`nRecommended: $($_.ErrorDetails.RecommendedAction)" -ForegroundColor Yellow }
}
finally {
    $server | Stop-FakeBillingServer
}
