# The default table views, rendered from known objects at 80 and 120 columns (module/OpenAIBilling.format.ps1xml).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-OpenAIBilling
    function script:New-Record([string] $Type, [hashtable] $Properties) {
        $record = New-Object "OpenAIBilling.$Type"
        foreach ($name in $Properties.Keys) { $record.$name = $Properties[$name] }
        $record
    }
    $script:longHint = 'sk-svcacct-...ABCD'
    $script:samples = @{
        Balance          = @(
            New-Record Balance @{ Name = 'prod'; KeyHint = $longHint; Source = 'SpendLimit'; LimitUsd = 250000.5; UsedUsd = 123456.78; AvailableUsd = 126543.72 }
            New-Record Balance @{ Name = 'relay'; KeyHint = 'sk-...WXYZ'; Source = 'Subscription'; IsUnlimited = $true; UsedUsd = 12.34 }
            New-Record Balance @{ Name = 'gone'; KeyHint = 'sk-...QRST'; Source = 'Subscription'; Status = 'Exhausted'; AvailableUsd = 0 }
        )
        Subscription     = @(
            New-Record Subscription @{ Name = 'prod'; KeyHint = $longHint; Source = 'SpendLimit'; HardLimitUsd = 250000.5 }
            New-Record Subscription @{ Name = 'relay'; KeyHint = 'sk-...WXYZ'; Source = 'Subscription'; IsUnlimited = $true; AccessUntil = [DateTimeOffset]::new(2027, 3, 1, 0, 0, 0, [TimeSpan]::Zero) }
        )
        CostRecord       = @(
            New-Record CostRecord @{ Name = 'prod'; KeyHint = $longHint; StartDate = [datetime]'2026-11-01'; EndDate = [datetime]'2026-11-30'; AmountUsd = 123456.7891; LineItem = 'gpt-4o' }
            New-Record CostRecord @{ Name = 'relay'; KeyHint = 'sk-...WXYZ'; StartDate = [datetime]'2026-11-30'; EndDate = [datetime]'2026-11-30'; AmountUsd = 3.125 }
        )
        CreditGrant      = @(
            New-Record CreditGrant @{ Name = 'acct'; KeyHint = $longHint; Id = 'grant-1'; GrantAmountUsd = 100000; UsedAmountUsd = 99999.99; AvailableUsd = 0.01 }
        )
        TokenUsageRecord = @(
            New-Record TokenUsageRecord @{ KeyHint = 'sk-admin-...ABCD'; StartTime = [DateTimeOffset]::new(2026, 11, 2, 0, 0, 0, [TimeSpan]::Zero); Model = 'gpt-4o-2024-08-06'; InputTokens = 14000; OutputTokens = 123456789012; Requests = 50 }
            New-Record TokenUsageRecord @{ KeyHint = 'sk-admin-...ABCD'; StartTime = [DateTimeOffset]::new(2026, 11, 2, 0, 0, 0, [TimeSpan]::Zero); Model = 'gpt-4o-mini-2024-07-18'; InputTokens = 35000; OutputTokens = 14000; Requests = 35 }
        )
        SpendAlert       = @(
            New-Record SpendAlert @{ KeyHint = 'sk-admin-...ABCD'; Id = 'sa_0123456789abcd'; ThresholdUsd = 250000.5; PeriodUsedUsd = 123456.78; ProjectedTriggerDate = [datetime]'2026-12-24' }
            New-Record SpendAlert @{ KeyHint = 'sk-admin-...ABCD'; Id = 'sa_2'; ThresholdUsd = 100; PeriodUsedUsd = 120; Triggered = $true }
        )
    }
    $script:expected = @{
        Balance          = @($longHint, '250,000.50', '123,456.78', '126,543.72', 'unlimited', 'Exhausted', 'Active')
        Subscription     = @($longHint, '250,000.50', 'unlimited', 'never', '2027-03-01')
        CostRecord       = @($longHint, '2026-11-01', '2026-11-30', '123,456.7891', '3.1250')
        CreditGrant      = @($longHint, '100,000.00', '99,999.99', '0.01', 'never')
        TokenUsageRecord = @('2026-11-02 00:00', 'gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', '14000', '123456789012', '50')
        SpendAlert       = @('sa_0123456789abcd', '250,000.50', '123,456.78', '2026-12-24', 'True', '-')
    }
}

Describe 'The <_> view' -ForEach 'Balance', 'Subscription', 'CostRecord', 'CreditGrant', 'TokenUsageRecord', 'SpendAlert' {
    BeforeAll {
        $script:type = $_
        $script:culture = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture
    }
    AfterAll {
        [cultureinfo]::CurrentCulture = $culture
    }

    It 'fits <_> columns and shows every number and KeyHint whole' -ForEach 80, 120 {
        $text = $samples[$type] | Format-Table | Out-String -Width $_
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        ($lines | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $text | Should -Not -Match '…'
        foreach ($value in $expected[$type]) { $text | Should -Match ([regex]::Escape($value)) }
    }

    It 'labels its columns with the names of the properties they show' {
        $text = $samples[$type] | Format-Table | Out-String -Width 120
        $header = @($text -split "`r?`n" | Where-Object { $_.Trim() })[0]
        $labels = @($header -split '\s+' | Where-Object { $_ })
        $labels | Should -Not -BeNullOrEmpty
        $properties = ("OpenAIBilling.$type" -as [type]).GetProperties().Name
        foreach ($label in $labels) { $properties | Should -Contain $label }
    }
}
