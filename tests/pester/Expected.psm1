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

function Get-UtcToday {
    # The module reads the clock per call; a test that computed "today" just before midnight UTC would disagree with
    # it. So in the last 90 seconds of a UTC day this waits for the new day first (the only wait, and only then).
    $now = [DateTime]::UtcNow
    $left = $now.Date.AddDays(1) - $now
    if ($left -lt [TimeSpan]::FromSeconds(90)) { Start-Sleep -Milliseconds ([int] $left.TotalMilliseconds + 1000) }
    [DateTime]::UtcNow.Date
}

Export-ModuleMember -Function Get-ExpectedSessionUsd, Get-UtcToday
