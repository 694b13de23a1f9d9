# The fake server's data formulas (tests/OpenAIBilling.FakeServer/README.md), so tests can state what a range must sum to.
Set-StrictMode -Version Latest

function Get-ExpectedSessionUsd {
    <#
    .SYNOPSIS
        What the fake session account spent from -Start to -End (UTC days, both inclusive), in USD.
    #>
    param([datetime] $Start, [datetime] $End, [switch] $Free)
    [decimal] $cents = 0
    for ($day = $Start.Date; $day -le $End.Date; $day = $day.AddDays(1)) {
        $n = ($day - [datetime]::new(2020, 1, 1)).Days
        $cents += [decimal]($n % 10) * 12.5
        if ($n % 3 -eq 0) { $cents += 250 }
        $cents += [decimal]0.5 * ($n % 4)
    }
    if ($Free) { $cents = $cents / 10 }
    return $cents / 100
}

function Get-ExpectedAdminUsd {
    <#
    .SYNOPSIS
        What the fake Admin organization spent from -Start to -End (UTC days, both inclusive), in USD, for all of it
        or for one project (the costs formula of tests/OpenAIBilling.FakeServer/README.md).
    #>
    param([datetime] $Start, [datetime] $End, [ValidateSet('', 'proj_alpha', 'proj_beta')][string] $ProjectId = '')
    [decimal] $usd = 0
    for ($day = $Start.Date; $day -le $End.Date; $day = $day.AddDays(1)) {
        $n = ($day - [datetime]::new(2020, 1, 1)).Days
        if ($n % 5 -eq 0) { continue }
        if ($ProjectId -ne 'proj_beta') {
            $usd += [decimal]0.123455 * (1 + $n % 7) + [decimal]0.23457 * (1 + $n % 3) + [decimal]0.04 * ($n % 3)
        }
        if ($ProjectId -ne 'proj_alpha') {
            $usd += [decimal]0.010105 * (1 + $n % 4) + [decimal]0.33333 * (1 + $n % 2)
            if ($n % 4 -eq 1) { $usd += [decimal]0.12 }
        }
    }
    return $usd
}

function Get-ExpectedRate {
    <#
    .SYNOPSIS
        The forecast's daily rate from what the 7 complete days before -Today spent (-WeekUsd): unrounded, and as
        DailyAverageUsd shows it (6 decimals, midpoints away from zero).
    #>
    param([decimal] $WeekUsd)
    $perDay = $WeekUsd / 7
    [pscustomobject]@{ PerDay = $perDay; Shown = [decimal]::Round($perDay, 6, [MidpointRounding]::AwayFromZero) }
}

function Get-UtcToday {
    # The module reads the clock per call; a test that computed "today" just before midnight UTC would disagree with
    # it. So in the last 90 seconds of a UTC day this waits for the new day first (the only wait, and only then).
    $now = [DateTime]::UtcNow
    $left = $now.Date.AddDays(1) - $now
    if ($left -lt [TimeSpan]::FromSeconds(90)) { Start-Sleep -Milliseconds ([int] $left.TotalMilliseconds + 1000) }
    [DateTime]::UtcNow.Date
}
Export-ModuleMember -Function Get-ExpectedSessionUsd, Get-ExpectedAdminUsd, Get-ExpectedRate, Get-UtcToday
