BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Expected.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:relayToken = New-TestKey 'sk-' 'relayok'
}
AfterAll { $script:server | Stop-FakeBillingServer }

Describe 'Get-OpenAIBalance' {
    BeforeEach {
        # "Today" per test, never across midnight (see Get-UtcToday), so the test and the module agree on it.
        $script:today = Get-UtcToday
        $script:monthStart = [datetime]::new($today.Year, $today.Month, 1)
    }
    Context 'relay tokens' {
        It 'gives the hard limit minus what the token used' {
            $balance = Get-OpenAIBalance -ApiKey $relayToken -BaseUri $server.Relay -Name 'team a'
            $balance.Source | Should -Be 'Subscription'
            $balance.LimitUsd | Should -Be 25.5
            $balance.UsedUsd | Should -Be 3.125
            $balance.AvailableUsd | Should -Be 22.375
            $balance.PercentUsed | Should -Be 12.25
            $balance.ExpiresAt | Should -BeNullOrEmpty
            $balance.IsUnlimited | Should -BeFalse
            $balance.Name | Should -Be 'team a'
            $balance.KeyHint | Should -Be ('sk-...' + $relayToken.Substring($relayToken.Length - 4))
            $balance.BaseUri | Should -Be $server.Relay
            $balance | Should -BeOfType ([OpenAIBilling.Balance])
        }

        It 'shows each request and the source that answered with -Verbose, and response headers with -Debug, each line tagged with the KeyHint' {
            $records = Get-OpenAIBalance -ApiKey $relayToken -BaseUri $server.Relay -Verbose -Debug 4>&1 5>&1
            $verbose = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $verbose | Should -Contain 'sk-...0001: the Subscription source answered.'
            $verbose -match '^sk-\.\.\.0001: GET http://127\.0\.0\.1:\d+/v1/dashboard/billing/subscription \(attempt 1\) -> 200 in \d+ ms\.$' | Should -Not -BeNullOrEmpty
            ($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -match '^sk-\.\.\.0001: Response headers: ' | Should -Not -BeNullOrEmpty
        }

        It 'writes nothing but the object without -Verbose or -Debug' {
            Get-OpenAIBalance -ApiKey $relayToken -BaseUri $server.Relay 4>&1 5>&1 |
                Where-Object { $_ -isnot [OpenAIBilling.Balance] } | Should -BeNullOrEmpty
        }

        It 'accepts the base URI with /v1' {
            (Get-OpenAIBalance -ApiKey $relayToken -BaseUri ($server.Relay + '/v1')).AvailableUsd | Should -Be 22.375
        }

        It 'reports an unlimited token as unlimited, with no limit and its expiry' {
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sk-' 'relayunlimited') -BaseUri $server.Relay
            $balance.IsUnlimited | Should -BeTrue
            $balance.LimitUsd | Should -BeNullOrEmpty
            $balance.AvailableUsd | Should -BeNullOrEmpty
            $balance.UsedUsd | Should -Be 12.34
            $balance.ExpiresAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1767225600))
        }

        It 'takes access_until 0 as never and a real one as the expiry' {
            (Get-OpenAIBalance -ApiKey (New-TestKey 'sk-' 'relayexpiring') -BaseUri $server.Relay).ExpiresAt |
                Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1893456000))
        }

        It 'uses /v1/balances where the host has it' {
            $balance = Get-OpenAIBalance -ApiKey $relayToken -BaseUri $server.Balances
            $balance.Source | Should -Be 'Balances'
            $balance.LimitUsd | Should -Be 50.0
            $balance.UsedUsd | Should -Be 12.345
            $balance.AvailableUsd | Should -Be 37.655
            $balance.ExpiresAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1893456000))
        }

        It 'probes /v1/balances once per host and remembers that a host lacks it' {
            # localhost is another base URI than 127.0.0.1, so nothing is remembered for it yet.
            $fresh = $server.Relay -replace '127\.0\.0\.1', 'localhost'
            Clear-FakeServerLog $server
            1..5 | ForEach-Object { New-TestKey 'sk-' 'relayok' -Number $_ } | Get-OpenAIBalance -BaseUri $fresh | Should -HaveCount 5
            $probes = @(Get-FakeServerLog $server | Where-Object path -EQ '/v1/balances')
            $probes | Should -HaveCount 1
        }

        It 'says an error inside an HTTP 200 answer is an ApiError' {
            { Get-OpenAIBalance -ApiKey (New-TestKey 'sk-' 'relayerror200') -BaseUri $server.Relay -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAIBilling.ApiError,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }

        It 'reports a token whose quota is used up as Exhausted, with a warning naming it' {
            $key = New-TestKey 'sk-' 'relayexhausted'
            $balance = Get-OpenAIBalance -ApiKey $key -BaseUri $server.Relay -Name 'empty' -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
            $failures | Should -BeNullOrEmpty
            $balance.Status | Should -Be 'Exhausted'
            $balance.AvailableUsd | Should -Be 0
            $balance.LimitUsd | Should -BeNullOrEmpty
            $balance.UsedUsd | Should -BeNullOrEmpty
            $balance.Name | Should -Be 'empty'
            $warnings | Should -HaveCount 1
            "$warnings" | Should -BeLike "*$($balance.KeyHint)*"
        }

        It 'keeps the exhausted token in a report of many keys' {
            $keys = (New-TestKey 'sk-' 'relayok'), (New-TestKey 'sk-' 'relayexhausted'), (New-TestKey 'sk-' 'relayok' -Number 2)
            $rows = $keys | Get-OpenAIBalance -BaseUri $server.Relay -WarningAction SilentlyContinue
            $rows.Status | Should -Be @('Active', 'Exhausted', 'Active')
        }

        It 'says Expired when the token''s access has ended' {
            (Get-OpenAIBalance -ApiKey (New-TestKey 'sk-' 'relayunlimited') -BaseUri $server.Relay).Status | Should -Be 'Expired'   # access_until 2026-01-01
            (Get-OpenAIBalance -ApiKey (New-TestKey 'sk-' 'relayexpiring') -BaseUri $server.Relay).Status | Should -Be 'Active'     # 2030-01-01
        }

        It 'says an invalid token is InvalidApiKey and never repeats the key the relay echoed' {
            $key = New-TestKey 'sk-' 'invalid'
            $err = { Get-OpenAIBalance -ApiKey $key -BaseUri $server.Relay -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidApiKey,*'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            ($err | Out-String) + $err.Exception.ToString() | Should -Not -Match ([regex]::Escape($key.Substring(3, 8)))
            $err.Exception.StatusCode | Should -Be 401
        }
    }

    Context 'session keys against OpenAI' {
        It 'gives the hard limit minus the month to date, from subscription and usage' {
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sess-' 'paid') -BaseUri $server.OpenAI
            $used = Get-ExpectedSessionUsd -Start $monthStart -End $today
            $balance.Source | Should -Be 'Subscription'
            $balance.LimitUsd | Should -Be 120
            $balance.UsedUsd | Should -Be $used
            $balance.AvailableUsd | Should -Be (120 - $used)
            $balance.PeriodStart | Should -Be $monthStart
            $balance.PeriodEnd | Should -Be $today
            $balance.ExpiresAt | Should -BeNullOrEmpty
        }

        It 'uses the last 100 days when the account has no payment method' {
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sess-' 'free') -BaseUri $server.OpenAI
            $balance.LimitUsd | Should -Be 5.00004
            $balance.UsedUsd | Should -Be (Get-ExpectedSessionUsd -Start $today.AddDays(-99) -End $today -Free)
            $balance.PeriodStart | Should -Be $today.AddDays(-99)
        }

        It 'forecasts from the last 7 complete days, on the first day of the month too, in the same request' {
            Clear-FakeServerLog $server
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sess-' 'paid') -BaseUri $server.OpenAI
            $rate = Get-ExpectedRate (Get-ExpectedSessionUsd -Start $today.AddDays(-7) -End $today.AddDays(-1))
            $balance.DailyAverageUsd | Should -Be $rate.Shown
            $monthEnd = $monthStart.AddMonths(1).AddDays(-1)
            $expected = [decimal]::Round($balance.UsedUsd + $rate.PerDay * ($monthEnd - $today).Days, 6, [MidpointRounding]::AwayFromZero)
            $balance.ProjectedPeriodUsd | Should -Be $expected
            $usage = @(Get-FakeServerLog $server | Where-Object path -Like '*/dashboard/billing/usage')
            $usage | Should -HaveCount 1
            $from = @($monthStart, $today.AddDays(-7)) | Sort-Object | Select-Object -First 1
            $usage[0].query | Should -BeLike "?start_date=$($from.ToString('yyyy-MM-dd'))&*"
        }

        It 'answers from the credit grants when forced to' {
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sess-' 'paid') -BaseUri $server.OpenAI -Source CreditGrants
            $balance.Source | Should -Be 'CreditGrants'
            $balance.LimitUsd | Should -Be 23
            $balance.UsedUsd | Should -Be 10.25
            $balance.AvailableUsd | Should -Be 12.75
            $balance.ExpiresAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1798761600))
        }

        It 'forecasts when the credit runs out from 7 days of usage asked together with the grants' {
            Clear-FakeServerLog $server
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sess-' 'paid') -BaseUri $server.OpenAI -Source CreditGrants
            $week = Get-ExpectedSessionUsd -Start $today.AddDays(-7) -End $today.AddDays(-1)
            $balance.DailyAverageUsd | Should -Be (Get-ExpectedRate $week).Shown
            $balance.ProjectedPeriodUsd | Should -BeNullOrEmpty
            $runsOut = $today.AddDays([math]::Ceiling([decimal]12.75 * 7 / $week))
            $balance.ProjectedExhaustion | Should -Be $(if ($runsOut -lt [datetime]'2027-01-01') { $runsOut } else { $null })
            $usage = @(Get-FakeServerLog $server | Where-Object path -Like '*/dashboard/billing/usage')
            $usage.query | Should -Be "?start_date=$($today.AddDays(-7).ToString('yyyy-MM-dd'))&end_date=$($today.ToString('yyyy-MM-dd'))"
        }
    }

    Context 'keys OpenAI does not answer' {
        It 'says BalanceNotAvailable for a project key, naming Admin and session keys and what was tried' {
            $err = { Get-OpenAIBalance -ApiKey (New-TestKey 'sk-proj-' 'project') -BaseUri $server.OpenAI -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.BalanceNotAvailable,*'
            $err.CategoryInfo.Category | Should -Be 'NotImplemented'
            $err.Exception.Message | Should -Match 'Admin key'
            $err.Exception.Message | Should -Match 'session key'
            $err.Exception.Message | Should -Match 'Tried: Subscription'
            $err.ErrorDetails.RecommendedAction | Should -Match 'admin-keys'
        }

        It 'never asks OpenAI for /v1/balances' {
            Clear-FakeServerLog $server
            { Get-OpenAIBalance -ApiKey (New-TestKey 'sk-' 'project') -BaseUri $server.OpenAI -ErrorAction Stop } | Should -Throw
            Get-FakeServerLog $server | Where-Object path -EQ '/v1/balances' | Should -BeNullOrEmpty
        }

        It 'reports a forced source''s own error' {
            { Get-OpenAIBalance -ApiKey $relayToken -BaseUri $server.Relay -Source CreditGrants -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAIBilling.EndpointNotFound,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }
    }

    Context 'Admin keys' {
        It 'gives the spend limit minus the month''s costs, in absolute amounts of the fake organization' {
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sk-admin-' 'org') -BaseUri $server.OpenAI
            $used = Get-ExpectedAdminUsd -Start $monthStart -End $today
            $balance.Source | Should -Be 'SpendLimit'
            $balance.Status | Should -Be 'Active'
            $balance.LimitUsd | Should -Be 500
            $balance.UsedUsd | Should -Be $used
            $balance.AvailableUsd | Should -Be (500 - $used)
            $balance.PercentUsed | Should -Be ([decimal]::Round($used / 5, 2, [MidpointRounding]::AwayFromZero))
            $balance.PeriodStart | Should -Be $monthStart
            $balance.PeriodEnd | Should -Be $today
        }

        It 'forecasts from the 7 days before today, asked in the month''s one costs request' {
            Clear-FakeServerLog $server
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sk-admin-' 'org') -BaseUri $server.OpenAI
            $week = Get-ExpectedAdminUsd -Start $today.AddDays(-7) -End $today.AddDays(-1)
            $rate = Get-ExpectedRate $week
            $balance.DailyAverageUsd | Should -Be $rate.Shown
            $monthEnd = $monthStart.AddMonths(1).AddDays(-1)
            $balance.ProjectedPeriodUsd | Should -Be ([decimal]::Round($balance.UsedUsd + $rate.PerDay * ($monthEnd - $today).Days, 6, [MidpointRounding]::AwayFromZero))
            $runsOut = $today.AddDays([math]::Ceiling($balance.AvailableUsd * 7 / $week))
            $balance.ProjectedExhaustion | Should -Be $(if ($runsOut -le $monthEnd) { $runsOut } else { $null })
            $costs = @(Get-FakeServerLog $server | Where-Object path -EQ '/v1/organization/costs')
            $costs | Should -HaveCount 1
            $from = @($monthStart, $today.AddDays(-7)) | Sort-Object | Select-Object -First 1
            $costs[0].query | Should -Match "start_time=$(([DateTimeOffset]::new($from, [TimeSpan]::Zero)).ToUnixTimeSeconds())&"
        }

        It 'leaves the limit empty when none is set' {
            $balance = Get-OpenAIBalance -ApiKey (New-TestKey 'sk-admin-' 'nolimit') -BaseUri $server.OpenAI
            $balance.LimitUsd | Should -BeNullOrEmpty
            $balance.AvailableUsd | Should -BeNullOrEmpty
            $balance.UsedUsd | Should -Be (Get-ExpectedAdminUsd -Start $monthStart -End $today)
        }
    }

    Context 'keys and defaults' {
        BeforeEach {
            $script:saved = @{ api = $env:OPENAI_API_KEY; admin = $env:OPENAI_ADMIN_KEY }
            Remove-Item Env:OPENAI_API_KEY, Env:OPENAI_ADMIN_KEY -ErrorAction SilentlyContinue
        }
        AfterEach {
            $env:OPENAI_API_KEY = $saved.api
            $env:OPENAI_ADMIN_KEY = $saved.admin
        }

        It 'says NoApiKey, naming the places it looked, when there is no key anywhere' {
            $err = { Get-OpenAIBalance -BaseUri $server.OpenAI -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.NoApiKey,*'
            $err.Exception.Message | Should -Match 'OPENAI_API_KEY'
            $err.Exception.Message | Should -Match 'OPENAI_ADMIN_KEY'
        }

        It 'reads $env:OPENAI_API_KEY when -ApiKey is not given' {
            $env:OPENAI_API_KEY = $relayToken
            (Get-OpenAIBalance -BaseUri $server.Relay).AvailableUsd | Should -Be 22.375
        }

        It 'reads $env:OPENAI_ADMIN_KEY for OpenAI but never sends it to a relay' {
            $env:OPENAI_ADMIN_KEY = New-TestKey 'sk-admin-' 'org'
            (Get-OpenAIBalance -BaseUri $server.OpenAI).Source | Should -Be 'SpendLimit'
            { Get-OpenAIBalance -BaseUri $server.Relay -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAIBilling.NoApiKey,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }

        It 'takes a SecureString' {
            $secure = ConvertTo-SecureString $relayToken -AsPlainText -Force
            (Get-OpenAIBalance -ApiKey $secure -BaseUri $server.Relay).AvailableUsd | Should -Be 22.375
        }

        It 'trims whitespace and quotes from a key' {
            (Get-OpenAIBalance -ApiKey "  `"$relayToken`" " -BaseUri $server.Relay).AvailableUsd | Should -Be 22.375
        }

        It 'says InvalidApiKeyFormat for a blank key or one with whitespace inside' -TestCases @(
            @{ Key = '   ' }, @{ Key = "sk-relayok00`n0001" }, @{ Key = 'sk-relay ok0000000000001' }
        ) {
            { Get-OpenAIBalance -ApiKey $Key -BaseUri $server.Relay -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAIBilling.InvalidApiKeyFormat,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }

        It 'says InvalidArgument for a base URI with a query string or credentials' -TestCases @(
            @{ Uri = 'https://relay.example.com/v1?x=1' }, @{ Uri = 'https://user:secret@relay.example.com' }
        ) {
            { Get-OpenAIBalance -ApiKey $relayToken -BaseUri $Uri -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAIBilling.InvalidArgument,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }

        It 'refuses plain http to a host that is not loopback, sending nothing' {
            { Get-OpenAIBalance -ApiKey $relayToken -BaseUri 'http://relay.invalid' -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAIBilling.UnencryptedAuthentication,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }

        It 'sends the requests through -Proxy' {
            # 127.0.0.2:9 has nothing listening: an answer can only have come through the proxy (the relay host).
            Clear-FakeServerLog $server
            $balance = Get-OpenAIBalance -ApiKey $relayToken -BaseUri 'http://127.0.0.2:9' -Proxy $server.Relay -MaximumRetryCount 0 -AllowUnencryptedAuthentication
            $balance.AvailableUsd | Should -Be 22.375
            $balance.BaseUri | Should -Be 'http://127.0.0.2:9'
            (Get-FakeServerLog $server).path | Should -Contain '/v1/dashboard/billing/subscription'
        }

        It 'refuses to send a key over plain http through -Proxy, even to loopback, and the proxy sees nothing' {
            Clear-FakeServerLog $server
            { Get-OpenAIBalance -ApiKey $relayToken -BaseUri 'http://127.0.0.2:9' -Proxy $server.Relay -MaximumRetryCount 0 } |
                Should -Throw -ErrorId 'OpenAIBilling.UnencryptedAuthentication,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
            @(Get-FakeServerLog $server).Count | Should -Be 0
        }

        It 'refuses a header value with <Case> in <Where> before any request' -TestCases @(
            @{ Where = '-Organization'; Case = 'CR/LF'; Value = "org-1`r`nAuthorization: Bearer injected" }
            @{ Where = '-Project'; Case = 'a non-ASCII character'; Value = "proj_caf$([char]0xE9)" }
            @{ Where = 'OPENAI_ORG_ID'; Case = 'LF'; Value = "org-1`nX-Evil: 1" }
            @{ Where = 'OPENAI_PROJECT_ID'; Case = 'a tab'; Value = "proj_1`tx" }
        ) {
            param($Where, $Case, $Value)
            Clear-FakeServerLog $server
            $saved = @{ OPENAI_ORG_ID = $env:OPENAI_ORG_ID; OPENAI_PROJECT_ID = $env:OPENAI_PROJECT_ID }
            try {
                $arguments = @{ ApiKey = $relayToken; BaseUri = $server.Relay }
                if ($Where -like '-*') { $arguments[$Where.TrimStart('-')] = $Value } else { [Environment]::SetEnvironmentVariable($Where, $Value) }
                { Get-OpenAIBalance @arguments } | Should -Throw -ErrorId 'OpenAIBilling.InvalidArgument,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
                @(Get-FakeServerLog $server).Count | Should -Be 0
            }
            finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
        }

        It 'validates -ThrottleLimit' {
            { Get-OpenAIBalance -ApiKey $relayToken -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,OpenAIBilling.Commands.GetOpenAIBalanceCommand'
        }
    }
}
