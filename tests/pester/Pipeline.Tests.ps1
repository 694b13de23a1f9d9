BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:server = Start-FakeBillingServer
    Import-OpenAIBilling
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ('openaibilling-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $folder
}
AfterAll {
    $script:server | Stop-FakeBillingServer
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
}

Describe 'Many keys through the pipeline' {
    It 'reads a key file, skips blank lines and keeps input order' {
        $keys = 1..6 | ForEach-Object { New-TestKey 'sk-' 'relayok' -Number $_ }
        $file = Join-Path $folder 'keys.txt'
        Set-Content $file -Value ($keys[0..2] + @('', '   ') + $keys[3..5])
        $balances = Get-Content $file | Get-OpenAIBalance -BaseUri $server.Relay
        $balances | Should -HaveCount 6
        $balances.KeyHint | Should -Be ($keys | ForEach-Object { 'sk-...' + $_.Substring($_.Length - 4) })
    }

    It 'reads a CSV with ApiKey, BaseUri and Name columns across hosts' {
        $csv = Join-Path $folder 'keys.csv'
        @(
            [pscustomobject]@{ ApiKey = New-TestKey 'sk-' 'relayok'; BaseUri = $server.Relay; Name = 'relay' }
            [pscustomobject]@{ ApiKey = New-TestKey 'sk-' 'relayok'; BaseUri = $server.Balances; Name = 'balances' }
            [pscustomobject]@{ ApiKey = New-TestKey 'sess-' 'paid'; BaseUri = $server.OpenAI; Name = 'session' }
            [pscustomobject]@{ ApiKey = New-TestKey 'sk-admin-' 'org'; BaseUri = $server.OpenAI; Name = 'admin' }
        ) | Export-Csv $csv -NoTypeInformation
        $balances = Import-Csv $csv | Get-OpenAIBalance
        $balances.Name | Should -Be @('relay', 'balances', 'session', 'admin')
        $balances.Source | Should -Be @('Subscription', 'Balances', 'Subscription', 'SpendLimit')
    }

    It 'takes a CSV without a BaseUri column, using the default base URI' {
        $env:OPENAI_BASE_URL = $server.Relay
        $rows = @([pscustomobject]@{ ApiKey = New-TestKey 'sk-' 'relayok'; Name = 'only key and name' })
        ($rows | Get-OpenAIBalance).Name | Should -Be 'only key and name'
    }

    It 'writes a non-terminating error for a failing key, naming it, and goes on' {
        $bad = New-TestKey 'sk-' 'invalid'
        $rows = @(
            [pscustomobject]@{ ApiKey = New-TestKey 'sk-' 'relayok' -Number 1; Name = 'first' }
            [pscustomobject]@{ ApiKey = $bad; Name = 'broken' }
            [pscustomobject]@{ ApiKey = New-TestKey 'sk-' 'relayok' -Number 3; Name = 'third' }
        )
        $balances = $rows | Get-OpenAIBalance -BaseUri $server.Relay -ErrorVariable failures -ErrorAction SilentlyContinue
        $balances.Name | Should -Be @('first', 'third')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OpenAIBilling.InvalidApiKey,*'
        $failures[0].TargetObject.Name | Should -Be 'broken'
        $failures[0].TargetObject.KeyHint | Should -Be ('sk-...' + $bad.Substring($bad.Length - 4))
        "$($failures[0].TargetObject)" | Should -Be ("sk-...$($bad.Substring($bad.Length - 4)) (broken)")
    }

    It 'works the same for Get-OpenAISubscription and Get-OpenAIUsage' {
        $keys = 1..3 | ForEach-Object { New-TestKey 'sk-' 'relayok' -Number $_ }
        ($keys | Get-OpenAISubscription -BaseUri $server.Relay).HardLimitUsd | Should -Be @(25.5, 25.5, 25.5)
        ($keys | Get-OpenAIUsage -BaseUri $server.Relay).AmountUsd | Should -Be @(3.125, 3.125, 3.125)
    }

    It 'round-trips through Export-Csv' {
        $file = Join-Path $folder 'balances.csv'
        $original = New-TestKey 'sk-' 'relayok' | Get-OpenAIBalance -BaseUri $server.Relay -Name 'csv'
        $original | Export-Csv $file -NoTypeInformation
        $back = Import-Csv $file
        [decimal] $back.AvailableUsd | Should -Be $original.AvailableUsd
        $back.Source | Should -Be 'Subscription'
        $back.Name | Should -Be 'csv'
        $back.PSObject.Properties.Name | Should -Contain 'KeyHint'
        Get-Content $file -Raw | Should -Not -Match 'relayok0000'
    }

    It 'converts to JSON with its numbers and names' {
        $json = New-TestKey 'sk-' 'relayunlimited' | Get-OpenAIBalance -BaseUri $server.Relay | ConvertTo-Json | ConvertFrom-Json
        $json.IsUnlimited | Should -BeTrue
        $json.UsedUsd | Should -Be 12.34
        $json.Source | Should -Be 'Subscription'
        $json.LimitUsd | Should -BeNullOrEmpty
    }

    It 'groups and measures like any flat record' {
        $keys = 1..4 | ForEach-Object { New-TestKey 'sk-' 'relayok' -Number $_ }
        $sum = ($keys | Get-OpenAIBalance -BaseUri $server.Relay | Measure-Object AvailableUsd -Sum).Sum
        $sum | Should -Be (4 * 22.375)
        ($keys | Get-OpenAIBalance -BaseUri $server.Relay | Group-Object Source).Name | Should -Be 'Subscription'
    }

    It 'shows a table that fits 120 columns' {
        $text = New-TestKey 'sk-' 'relayok' | Get-OpenAIBalance -BaseUri $server.Relay -Name 'table' | Out-String -Width 120
        $text | Should -Match 'AvailableUsd'
        $text | Should -Match '22\.38'
        ($text -split "`n" | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }
}
