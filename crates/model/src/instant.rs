//! The one place sifa reads the clock and turns instants into calendar
//! days and timestamps: today in China (GB/T 7714's 引用日期, a timestamp's
//! day), Unix seconds, RFC 3339 for Atom and the API.
//!
//! The calendar is the `time` crate's, the workspace's one date-time crate
//! (tantivy already depends on it). China keeps UTC+8 all year, so its day
//! needs no time-zone database.

use time::format_description::well_known::Rfc3339;
use time::macros::{date, offset};
use time::{Date, Duration, Month, OffsetDateTime, UtcOffset};

use crate::PubDate;

/// China Standard Time.
pub const CHINA: UtcOffset = offset!(+8);

/// The first day of Unix time.
const EPOCH: Date = date!(1970 - 01 - 01);

/// Now, in Unix seconds.
pub fn unix_now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Today's date in China.
pub fn today_in_china() -> PubDate {
    let today = OffsetDateTime::now_utc().to_offset(CHINA).date();
    PubDate { year: today.year(), month: Some(today.month() as u8), day: Some(today.day()) }
}

/// The calendar day in China at `secs`; `None` outside the years a
/// publication can carry.
pub fn china_day(secs: i64) -> Option<PubDate> {
    let (y, m, d) = civil_from_days((secs + i64::from(CHINA.whole_seconds())).div_euclid(86_400));
    PubDate::day(y, m, d)
}

/// `(year, month, day)` of a count of days since 1970-01-01 (the proleptic
/// Gregorian calendar), within the ±9999 years the calendar covers.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let date = EPOCH.checked_add(Duration::days(days)).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX });
    (date.year(), date.month() as u8, date.day())
}

/// Days since 1970-01-01 of a calendar day; a day past the end of its
/// month runs on into the next, and out-of-range months and years are
/// brought into range.
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let month = Month::try_from(month.clamp(1, 12)).unwrap_or(Month::January);
    let first = Date::from_calendar_date(year.clamp(-9999, 9999), month, 1).unwrap_or(EPOCH);
    (first - EPOCH).whole_days() + i64::from(day) - 1
}

/// Whether `day` exists in `month` of `year`.
pub fn is_calendar_day(year: i32, month: u8, day: u8) -> bool {
    Month::try_from(month).is_ok_and(|m| Date::from_calendar_date(year, m, day).is_ok())
}

/// `secs` as an RFC 3339 UTC timestamp: `2025-01-15T08:30:00Z`.
pub fn rfc3339_utc(secs: i64) -> String {
    rfc3339(secs, UtcOffset::UTC)
}

/// The midnight in China that starts the first day `date` stands for, as
/// RFC 3339: `2024-03-02T00:00:00+08:00`.
pub fn china_midnight_rfc3339(date: PubDate) -> String {
    rfc3339(date.days_since_epoch() * 86_400 - i64::from(CHINA.whole_seconds()), CHINA)
}

/// `secs` as RFC 3339 in the zone `offset`.
fn rfc3339(secs: i64, offset: UtcOffset) -> String {
    OffsetDateTime::from_unix_timestamp(secs)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(offset)
        .format(&Rfc3339)
        .unwrap_or_default()
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

    #[test]
    fn midnight_in_china_and_today() {
        assert_eq!(china_midnight_rfc3339("2024-03-02".parse().unwrap()), "2024-03-02T00:00:00+08:00");
        assert_eq!(china_midnight_rfc3339("2024".parse().unwrap()), "2024-01-01T00:00:00+08:00");
        let today = today_in_china();
        assert!(today.day.is_some() && today.year >= 2024, "{today}");
        assert!((days_from_civil(2024, 2, 30) - days_from_civil(2024, 3, 1)) == 0, "a day past the month runs on");
        assert!(is_calendar_day(2024, 2, 29) && !is_calendar_day(2023, 2, 29) && !is_calendar_day(2024, 13, 1));
    }
}
