BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:admin = New-TestKey 'sk-admin-' 'org'
}
AfterAll { $script:server | Stop-FakeBillingServer }

Describe 'Get-OpenAISubscription' {
    It 'gives a relay token''s quota, never expiring' {
        $subscription = Get-OpenAISubscription -ApiKey (New-TestKey 'sk-' 'relayok') -BaseUri $server.Relay
        $subscription.Source | Should -Be 'Subscription'
        $subscription.HardLimitUsd | Should -Be 25.5
        $subscription.AccessUntil | Should -BeNullOrEmpty
        $subscription.IsUnlimited | Should -BeFalse
        $subscription | Should -BeOfType ([OpenAIBilling.Subscription])
    }

    It 'gives an unlimited token no limit' {
        $subscription = Get-OpenAISubscription -ApiKey (New-TestKey 'sk-' 'relayunlimited') -BaseUri $server.Relay
        $subscription.IsUnlimited | Should -BeTrue
        $subscription.HardLimitUsd | Should -BeNullOrEmpty
        $subscription.AccessUntil | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1767225600))
    }

    It 'gives a session account''s plan and limits' {
        $subscription = Get-OpenAISubscription -ApiKey (New-TestKey 'sess-' 'paid') -BaseUri $server.OpenAI
        $subscription.PlanId | Should -Be 'payg'
        $subscription.PlanTitle | Should -Be 'Pay-as-you-go'
        $subscription.HardLimitUsd | Should -Be 120
        $subscription.SoftLimitUsd | Should -Be 100
        $subscription.SystemHardLimitUsd | Should -Be 200
        $subscription.HasPaymentMethod | Should -BeTrue
    }

    It 'gives an Admin key the organization spend limit in dollars' {
        $subscription = Get-OpenAISubscription -ApiKey $admin -BaseUri $server.OpenAI
        $subscription.Source | Should -Be 'SpendLimit'
        $subscription.HardLimitUsd | Should -Be 500
        $subscription.Interval | Should -Be 'month'
        $subscription.EnforcementStatus | Should -Be 'enforcing'
        $subscription.ProjectId | Should -BeNullOrEmpty
    }

    It 'gives a project''s spend limit with -ProjectId' {
        $subscription = Get-OpenAISubscription -ApiKey $admin -BaseUri $server.OpenAI -ProjectId proj_beta
        $subscription.HardLimitUsd | Should -Be 25
        $subscription.EnforcementStatus | Should -Be 'inactive'
        $subscription.ProjectId | Should -Be 'proj_beta'
    }

    It 'takes ProjectId from a CSV row, an empty one meaning the organization' {
        $rows = @(
            [pscustomobject]@{ ApiKey = $admin; BaseUri = $server.OpenAI; ProjectId = 'proj_alpha' }
            [pscustomobject]@{ ApiKey = $admin; BaseUri = $server.OpenAI; ProjectId = '' }
        )
        ($rows | Get-OpenAISubscription).HardLimitUsd | Should -Be @(100, 500)
    }

    It 'says SessionKeyRequired for a project key against OpenAI' {
        $err = { Get-OpenAISubscription -ApiKey (New-TestKey 'sk-proj-' 'project') -BaseUri $server.OpenAI -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.SessionKeyRequired,*'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Admin key'
        $err.Exception.StatusCode | Should -Be 403
        $err.Exception.ErrorType | Should -Be 'server_error'
        $err.Exception.RequestId | Should -Match '^req_'
    }

    It 'says InvalidArgument for -ProjectId with a key that is not an Admin key' {
        { Get-OpenAISubscription -ApiKey (New-TestKey 'sk-' 'relayok') -BaseUri $server.Relay -ProjectId proj_alpha -ErrorAction Stop } |
            Should -Throw -ErrorId 'OpenAIBilling.InvalidArgument,OpenAIBilling.Commands.GetOpenAISubscriptionCommand'
    }
}

Describe 'Get-OpenAICreditGrant' {
    It 'writes one object per grant' {
        $grants = Get-OpenAICreditGrant -ApiKey (New-TestKey 'sess-' 'paid') -BaseUri $server.OpenAI
        $grants | Should -HaveCount 2
        $grants[0].GrantAmountUsd | Should -Be 18
        $grants[0].UsedAmountUsd | Should -Be 5.25
        $grants[0].AvailableUsd | Should -Be 12.75
        $grants[0].ExpiresAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1798761600))
        $grants[1].AvailableUsd | Should -Be 0
        $grants[1].EffectiveAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1735689600))
        $grants | Should -BeOfType ([OpenAIBilling.CreditGrant])
    }

    It 'writes nothing for an account without grants' {
        Get-OpenAICreditGrant -ApiKey (New-TestKey 'sess-' 'free') -BaseUri $server.OpenAI | Should -BeNullOrEmpty
    }

    It 'says SessionKeyRequired for a secret key' {
        { Get-OpenAICreditGrant -ApiKey (New-TestKey 'sk-' 'project') -BaseUri $server.OpenAI -ErrorAction Stop } |
            Should -Throw -ErrorId 'OpenAIBilling.SessionKeyRequired,OpenAIBilling.Commands.GetOpenAICreditGrantCommand'
    }
}

Describe 'Get-OpenAITokenUsage' {
    It 'reads every endpoint' -TestCases @(
        'Completions', 'Embeddings', 'Moderations', 'Images', 'AudioSpeeches', 'AudioTranscriptions',
        'VectorStores', 'CodeInterpreterSessions', 'FileSearchCalls', 'WebSearchCalls' | ForEach-Object { @{ Endpoint = $_ } }
    ) {
        $records = Get-OpenAITokenUsage -ApiKey $admin -BaseUri $server.OpenAI -Endpoint $Endpoint -Period Last7Days
        $records | Should -Not -BeNullOrEmpty
        $records | Should -BeOfType ([OpenAIBilling.TokenUsageRecord])
        $records.StartTime | Should -Be ($records.StartTime | Sort-Object)
    }

    It 'groups completions by model' {
        $records = Get-OpenAITokenUsage -ApiKey $admin -BaseUri $server.OpenAI -Period Last7Days -GroupBy Model
        $records.Model | Sort-Object -Unique | Should -Be @('gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18')
        $records | ForEach-Object { $_.InputTokens | Should -BeGreaterThan 0 }
    }

    It 'takes hours with -StartTime and -EndTime' {
        $end = [DateTimeOffset]::new([DateTime]::UtcNow.Date, [TimeSpan]::Zero)
        $records = Get-OpenAITokenUsage -ApiKey $admin -BaseUri $server.OpenAI -BucketWidth Hour -StartTime $end.AddHours(-200) -EndTime $end
        ($records | ForEach-Object { ($_.EndTime - $_.StartTime).TotalHours } | Sort-Object -Unique) | Should -Be 1
        $records[0].StartTime | Should -BeGreaterOrEqual $end.AddHours(-200)
    }

    It 'refuses a group the endpoint does not take: InvalidArgument, before any request' {
        { Get-OpenAITokenUsage -ApiKey $admin -BaseUri $server.OpenAI -Endpoint VectorStores -GroupBy Model } |
            Should -Throw -ErrorId 'OpenAIBilling.InvalidArgument,OpenAIBilling.Commands.GetOpenAITokenUsageCommand'
    }

    It 'says AdminKeyRequired for a project key, explaining where Admin keys come from' {
        $err = { Get-OpenAITokenUsage -ApiKey (New-TestKey 'sk-proj-' 'project') -BaseUri $server.OpenAI -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.AdminKeyRequired,*'
        $err.Exception.Message | Should -Match 'only an Admin key \(sk-admin-'
        $err.Exception.Message | Should -Match 'Owner'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Owner'
        $err.ErrorDetails.RecommendedAction | Should -Match 'admin-keys'
    }
}
