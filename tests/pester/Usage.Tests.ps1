BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Expected.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:session = New-TestKey 'sess-' 'paid'
    $script:admin = New-TestKey 'sk-admin-' 'org'

    function Get-SequentialRoundTrips($entries) {
        # A request belongs to wave n+1 when it started after a request of wave n had finished (one still in flight
        # when the log was read, finishedAt null, has not finished before anything).
        $waves = @{}
        $sorted = @($entries | Sort-Object { [datetime] $_.startedAt })
        foreach ($entry in $sorted) {
            $wave = 1
            foreach ($other in $sorted) {
                if ($waves.ContainsKey($other) -and $other.finishedAt -and [datetime] $other.finishedAt -le [datetime] $entry.startedAt) {
                    $wave = [math]::Max($wave, $waves[$other] + 1)
                }
            }
            $waves[$entry] = $wave
        }
        ($waves.Values | Measure-Object -Maximum).Maximum
    }
}
AfterAll { $script:server | Stop-FakeBillingServer }

Describe 'Get-OpenAIUsage' {
    BeforeEach {
        # "Today" per test, never across midnight (see Get-UtcToday), so the test and the module agree on it.
        $script:today = Get-UtcToday
    }
    Context 'session keys (the dashboard usage endpoint, in cents on the wire)' {
        It 'totals a range in US dollars, both dates inclusive' {
            $start = [datetime]'2026-01-01'; $end = [datetime]'2026-01-31'
            $record = Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate $start -EndDate $end
            $record.Source | Should -Be 'DashboardUsage'
            $record.StartDate | Should -Be $start
            $record.EndDate | Should -Be $end
            $record.AmountUsd | Should -Be (Get-ExpectedSessionUsd -Start $start -End $end)
            $record | Should -BeOfType ([OpenAIBilling.CostRecord])
        }

        It 'splits <Days> days into windows of at most 100 and still totals exactly' -TestCases @(
            @{ Days = 99 }, @{ Days = 100 }, @{ Days = 101 }, @{ Days = 365 }
        ) {
            $start = $today.AddDays(-($Days - 1))
            Clear-FakeServerLog $server
            $record = Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate $start -EndDate $today
            $record.AmountUsd | Should -Be (Get-ExpectedSessionUsd -Start $start -End $today)
            $requests = @(Get-FakeServerLog $server | Where-Object path -Like '*/dashboard/billing/usage')
            $requests | Should -HaveCount ([math]::Ceiling($Days / 100))
        }

        It 'gives one record per day in date order, zero days included' {
            $records = Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -Period Last7Days -Granularity Daily
            $records | Should -HaveCount 7
            $records.StartDate | Should -Be (0..6 | ForEach-Object { $today.AddDays($_ - 6) })
            ($records | Measure-Object AmountUsd -Sum).Sum | Should -Be (Get-ExpectedSessionUsd -Start $today.AddDays(-6) -End $today)
        }

        It 'groups by line item, leaving out line items that cost nothing' {
            $records = Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -Period LastMonth -GroupBy LineItem
            $records.LineItem | Should -Be @('Chat models', 'Embedding models', 'GPT-4')
            $records.LineItem | Should -Not -Contain 'Image models'
        }

        It 'refuses to group by project or key: InvalidArgument' {
            { Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -GroupBy Project -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAIBilling.InvalidArgument,OpenAIBilling.Commands.GetOpenAIUsageCommand'
        }
    }

    Context 'relay tokens (no daily breakdown)' {
        It 'gives one record of the token''s spending since it was created, with one warning naming the key' {
            $key = New-TestKey 'sk-' 'relayok'
            $records = Get-OpenAIUsage -ApiKey $key -BaseUri $server.Relay -Period Last7Days -Granularity Daily -WarningVariable warnings -WarningAction SilentlyContinue
            $records | Should -HaveCount 1
            $records.AmountUsd | Should -Be 3.125
            $records.StartDate | Should -BeNullOrEmpty
            $records.EndDate | Should -Be $today
            $warnings | Should -HaveCount 1
            "$warnings" | Should -BeLike "*$($records.KeyHint)*since it was created*"
        }

        It 'never labels the all-time total with the dates asked: <Period>' -TestCases @(@{ Period = 'Yesterday' }, @{ Period = 'LastMonth' }) {
            $record = Get-OpenAIUsage -ApiKey (New-TestKey 'sk-' 'relayok') -BaseUri $server.Relay -Period $Period -WarningVariable warnings -WarningAction SilentlyContinue
            $record.StartDate | Should -BeNullOrEmpty
            $record.EndDate | Should -Be $today
            $warnings | Should -HaveCount 1
        }

        It 'warns of nothing when all time is asked' {
            $record = Get-OpenAIUsage -ApiKey (New-TestKey 'sk-' 'relayok') -BaseUri $server.Relay -StartDate 2020-01-01 -WarningVariable warnings
            $record.AmountUsd | Should -Be 3.125
            $warnings | Should -BeNullOrEmpty
        }
    }

    Context 'Admin keys (the organization costs API)' {
        It 'gives the fake organization''s known amounts: <Start> to <End>, project <Project>' -TestCases @(
            @{ Start = '2024-11-01'; End = '2024-11-01'; Project = ''; Usd = 1.51772 }
            @{ Start = '2024-11-05'; End = '2024-11-05'; Project = ''; Usd = 0 }
            @{ Start = '2024-11-01'; End = '2024-11-01'; Project = 'proj_alpha'; Usd = 1.154075 }
            @{ Start = '2024-11-01'; End = '2024-11-30'; Project = ''; Usd = $null }
            @{ Start = '2024-11-01'; End = '2024-11-30'; Project = 'proj_beta'; Usd = $null }
        ) {
            $filter = if ($Project) { @{ ProjectId = $Project } } else { @{} }
            $record = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -StartDate $Start -EndDate $End @filter
            $expected = Get-ExpectedAdminUsd -Start $Start -End $End -ProjectId $Project
            if ($null -ne $Usd) { $expected | Should -Be $Usd }
            $record.AmountUsd | Should -Be $expected
            $record.StartDate | Should -Be ([datetime] $Start)
            $record.EndDate | Should -Be ([datetime] $End)
        }

        It 'gives each line item''s known amount for a day' {
            $records = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -StartDate 2024-11-01 -EndDate 2024-11-01 -GroupBy LineItem, Project
            $records | ForEach-Object { '{0}|{1}|{2}' -f $_.LineItem, $_.ProjectId, $_.AmountUsd } | Should -Be @(
                'dall-e 3, standard, 1024x1024|proj_alpha|0.08'
                'gpt-4o-2024-08-06, input|proj_alpha|0.370365'
                'gpt-4o-2024-08-06, input|proj_beta|0.030315'
                'gpt-4o-2024-08-06, output|proj_alpha|0.70371'
                'gpt-4o-2024-08-06, output|proj_beta|0.33333'
            )
        }

        It 'gives grouped records that add up to the ungrouped total' {
            $total = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period LastMonth
            $grouped = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period LastMonth -GroupBy LineItem, Project
            $total.Source | Should -Be 'Costs'
            ($grouped | Measure-Object AmountUsd -Sum).Sum | Should -Be $total.AmountUsd
            $grouped.ProjectId | Sort-Object -Unique | Should -Be @('proj_alpha', 'proj_beta')
            $sorted = $grouped | Sort-Object LineItem, ProjectId
            ($grouped | ForEach-Object { "$($_.LineItem)|$($_.ProjectId)" }) | Should -Be ($sorted | ForEach-Object { "$($_.LineItem)|$($_.ProjectId)" })
        }

        It 'gives daily records that add up to the total, in date order' {
            $total = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period Last30Days
            $daily = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period Last30Days -Granularity Daily
            $daily | Should -HaveCount 30
            ($daily | Measure-Object AmountUsd -Sum).Sum | Should -Be $total.AmountUsd
            $daily.StartDate | Should -Be ($daily.StartDate | Sort-Object)
        }

        It 'sends filters and groups as the official SDK does' {
            Clear-FakeServerLog $server
            $null = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period Last7Days -GroupBy ApiKey -ProjectId proj_alpha
            $query = (Get-FakeServerLog $server | Where-Object path -EQ '/v1/organization/costs').query
            [uri]::UnescapeDataString($query) | Should -Match 'group_by\[\]=api_key_id'
            [uri]::UnescapeDataString($query) | Should -Match 'project_ids\[\]=proj_alpha'
        }

        It 'filters by project' {
            $alpha = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period LastMonth -ProjectId proj_alpha
            $byProject = Get-OpenAIUsage -ApiKey $admin -BaseUri $server.OpenAI -Period LastMonth -GroupBy Project
            $alpha.AmountUsd | Should -Be ($byProject | Where-Object ProjectId -EQ proj_alpha).AmountUsd
        }
    }

    Context 'dates' {
        It 'says InvalidDateRange for a reversed range or a start in the future' {
            { Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate '2026-03-10' -EndDate '2026-03-01' } |
                Should -Throw -ErrorId 'OpenAIBilling.InvalidDateRange,OpenAIBilling.Commands.GetOpenAIUsageCommand'
            { Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate $today.AddDays(3) } |
                Should -Throw -ErrorId 'OpenAIBilling.InvalidDateRange,OpenAIBilling.Commands.GetOpenAIUsageCommand'
        }

        It 'clamps an end after today and says so' {
            $record = Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate $today.AddDays(-2) -EndDate $today.AddDays(30) -Verbose 4>&1 |
                Tee-Object -Variable all | Where-Object { $_ -is [OpenAIBilling.CostRecord] }
            $record.EndDate | Should -Be $today
            ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'after today'
        }

        It 'takes years of dates, in as many windows as it needs' {
            $start = [datetime]'2020-01-01'
            $record = Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate $start
            $record.AmountUsd | Should -Be (Get-ExpectedSessionUsd -Start $start -End $today)
        }

        It 'takes ten years of dates' {
            (Get-OpenAIUsage -ApiKey $session -BaseUri $server.OpenAI -StartDate $today.AddYears(-10)).EndDate | Should -Be $today
        }
    }
}

Describe 'A 365-day grouped costs query' {
    BeforeEach {
        # "Today" per test, never across midnight (see Get-UtcToday), so the test and the module agree on it.
        $script:today = Get-UtcToday
    }
    BeforeAll { $script:slow = Start-FakeBillingServer -LatencyMs 300 }
    AfterAll { $script:slow | Stop-FakeBillingServer; $env:OPENAIBILLING_OPENAI_HOSTS = ([uri] $server.OpenAI).Authority; $env:OPENAI_BASE_URL = $server.Relay }

    It 'is complete within 2 sequential round trips' {
        Clear-FakeServerLog $slow
        $records = Get-OpenAIUsage -ApiKey $admin -BaseUri $slow.OpenAI -StartDate $today.AddDays(-364) -GroupBy LineItem, Project -Granularity Daily
        $costs = @(Get-FakeServerLog $slow | Where-Object path -EQ '/v1/organization/costs')
        Get-SequentialRoundTrips $costs | Should -BeLessOrEqual 2
        $costs.Count | Should -BeGreaterOrEqual 3
        ($records.StartDate | Sort-Object -Unique).Count | Should -BeGreaterThan 280
        # Days without costs have no grouped records, so the first record is on the first day or the next.
        $records[0].StartDate | Should -BeGreaterOrEqual $today.AddDays(-364)
        $records[0].StartDate | Should -BeLessOrEqual $today.AddDays(-363)
        $records[-1].StartDate | Should -BeLessOrEqual $today
    }
}
