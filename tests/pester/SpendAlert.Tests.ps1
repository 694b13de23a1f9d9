BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Expected.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:admin = New-TestKey 'sk-admin-' 'org'
    $script:today = Get-UtcToday
    $script:monthStart = [datetime]::new($today.Year, $today.Month, 1)
    $script:monthEnd = $monthStart.AddMonths(1).AddDays(-1)

    function Get-ExpectedAlert([decimal] $ThresholdUsd, [string] $ProjectId = '') {
        # What the alert must say, from the fake organization's cost formula: the month's spend and the day the
        # rate of the 7 days before today reaches the threshold within the month.
        $used = Get-ExpectedAdminUsd -Start $monthStart -End $today -ProjectId $ProjectId
        $week = Get-ExpectedAdminUsd -Start $today.AddDays(-7) -End $today.AddDays(-1) -ProjectId $ProjectId
        $triggered = $used -ge $ThresholdUsd
        $date = $null
        if (-not $triggered -and $week -gt 0) {
            $day = $today.AddDays([math]::Ceiling(($ThresholdUsd - $used) * 7 / $week))
            if ($day -le $monthEnd) { $date = $day }
        }
        [pscustomobject]@{ PeriodUsedUsd = $used; Triggered = $triggered; ProjectedTriggerDate = $date }
    }
}
AfterAll { $script:server | Stop-FakeBillingServer }

Describe 'Get-OpenAISpendAlert' {
    It 'lists every page of the organization''s alerts, sorted by threshold, in dollars' {
        Clear-FakeServerLog $server
        $alerts = Get-OpenAISpendAlert -ApiKey $admin -BaseUri $server.OpenAI -Name 'org'
        $alerts | Should -HaveCount 5
        $alerts.ThresholdUsd | Should -Be @(5, 20, 50, 500, 1000)
        $alerts.Id | Should -Be @('alert_org_5', 'alert_org_20', 'alert_org_50', 'alert_org_500', 'alert_org_1000')
        $alerts | Should -BeOfType ([OpenAIBilling.SpendAlert])
        ($alerts | Where-Object Id -EQ 'alert_org_500').Recipients | Should -Be 'finance@example.com; ops@example.com'
        ($alerts | Where-Object Id -EQ 'alert_org_20').Recipients | Should -BeNullOrEmpty
        $alerts.Channel | Sort-Object -Unique | Should -Be 'email'
        $alerts.Interval | Sort-Object -Unique | Should -Be 'month'
        $alerts.ProjectId | Where-Object { $_ } | Should -BeNullOrEmpty
        $alerts.Name | Sort-Object -Unique | Should -Be 'org'
        $alerts[0].KeyHint | Should -Be ('sk-admin-...' + $admin.Substring($admin.Length - 4))

        $log = @(Get-FakeServerLog $server)
        $pages = @($log | Where-Object path -EQ '/v1/organization/spend_alerts')
        $pages | Should -HaveCount 3
        $pages[1].query | Should -Match 'after=alert_org_5(&|$)'
        $pages[2].query | Should -Match 'after=alert_org_50(&|$)'
        @($log | Where-Object path -EQ '/v1/organization/costs') | Should -HaveCount 1
    }

    It 'says for each alert the month''s spend, whether it fired and when it is projected to' {
        foreach ($alert in Get-OpenAISpendAlert -ApiKey $admin -BaseUri $server.OpenAI) {
            $expected = Get-ExpectedAlert $alert.ThresholdUsd
            $alert.PeriodUsedUsd | Should -Be $expected.PeriodUsedUsd -Because $alert.Id
            $alert.Triggered | Should -Be $expected.Triggered -Because $alert.Id
            $alert.ProjectedTriggerDate | Should -Be $expected.ProjectedTriggerDate -Because $alert.Id
        }
    }

    It 'lists a project''s alerts against that project''s spend' {
        Clear-FakeServerLog $server
        $alerts = Get-OpenAISpendAlert -ApiKey $admin -BaseUri $server.OpenAI -ProjectId proj_alpha
        $alerts.Id | Should -Be @('alert_alpha_2', 'alert_alpha_80')
        $alerts.ProjectId | Sort-Object -Unique | Should -Be 'proj_alpha'
        foreach ($alert in $alerts) {
            $expected = Get-ExpectedAlert $alert.ThresholdUsd -ProjectId proj_alpha
            $alert.PeriodUsedUsd | Should -Be $expected.PeriodUsedUsd
            $alert.Triggered | Should -Be $expected.Triggered
            $alert.ProjectedTriggerDate | Should -Be $expected.ProjectedTriggerDate
        }
        $costs = @(Get-FakeServerLog $server | Where-Object path -EQ '/v1/organization/costs')
        [uri]::UnescapeDataString($costs[0].query) | Should -Match 'project_ids\[\]=proj_alpha'
        @(Get-FakeServerLog $server | Where-Object path -EQ '/v1/organization/projects/proj_alpha/spend_alerts') | Should -HaveCount 1
    }

    It 'exports flat rows: Recipients stays one column' {
        $csv = Get-OpenAISpendAlert -ApiKey $admin -BaseUri $server.OpenAI | ConvertTo-Csv | ConvertFrom-Csv
        ($csv | Where-Object Id -EQ 'alert_org_500').Recipients | Should -Be 'finance@example.com; ops@example.com'
    }

    It 'says AdminKeyRequired for a key that is not an Admin key' {
        { Get-OpenAISpendAlert -ApiKey (New-TestKey 'sk-proj-' 'project') -BaseUri $server.OpenAI -ErrorAction Stop } |
            Should -Throw -ErrorId 'OpenAIBilling.AdminKeyRequired,OpenAIBilling.Commands.GetOpenAISpendAlertCommand'
    }

    It 'has a table view that fits 80 columns, its labels the property names' {
        $text = Get-OpenAISpendAlert -ApiKey $admin -BaseUri $server.OpenAI | Format-Table | Out-String -Width 200
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 -Because $_ }
        $labels = $lines[0] -split '\s+' | Where-Object { $_ }
        $labels | Should -Not -BeNullOrEmpty
        $properties = [OpenAIBilling.SpendAlert].GetProperties().Name
        $labels | ForEach-Object { $properties | Should -Contain $_ }
    }
}
