//! Moments in Unix seconds, as feeds and citations write them.
//!
//! Only two things are needed (an RFC 3339 timestamp for Atom, the day a
//! citation is made for GB/T 7714's 引用日期), so a calendar conversion of a
//! dozen lines serves instead of a date-time library. China keeps UTC+8 all
//! year, so its day needs no time-zone database.

use crate::PubDate;

/// China Standard Time, in seconds east of UTC.
pub const CHINA_OFFSET_SECS: i64 = 8 * 3600;

/// `(year, month, day)` of a count of days since 1970-01-01 (the proleptic
/// Gregorian calendar; Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// `secs` as an RFC 3339 UTC timestamp: `2025-01-15T08:30:00Z`.
pub fn rfc3339_utc(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
}

/// The calendar day in China at `secs`; `None` outside the years a
/// publication can carry.
pub fn china_day(secs: i64) -> Option<PubDate> {
    let (y, m, d) = civil_from_days((secs + CHINA_OFFSET_SECS).div_euclid(86_400));
    PubDate::day(y, m, d)
}

/// Now, in Unix seconds (0 for a clock before 1970).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_timestamps_round_trip_through_the_calendar() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        for date in ["2024-02-29", "2000-03-01", "1950-12-31", "2100-01-01"] {
            let d: PubDate = date.parse().unwrap();
            let (y, m, day) = civil_from_days(d.days_since_epoch());
            assert_eq!(PubDate::day(y, m, day), Some(d), "{date}");
        }
        assert_eq!(rfc3339_utc(1_736_929_800), "2025-01-15T08:30:00Z");
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn the_day_in_china_turns_at_sixteen_hundred_utc() {
        let before = 1_736_956_799; // 2025-01-15T15:59:59Z
        assert_eq!(china_day(before).unwrap().to_string(), "2025-01-15");
        assert_eq!(china_day(before + 1).unwrap().to_string(), "2025-01-16");
    }
}
