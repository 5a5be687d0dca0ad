//! Publication dates with an explicit precision.
//!
//! Pages often show only a year ("2024年工作要点") or a month ("/202508/" in a
//! URL). Inventing the missing day would make a wrong date, which is worse
//! than none, so a date carries how much of it is known and serialises in the
//! matching ISO 8601 form: `2025-08-25`, `2025-08` or `2025`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod given;

/// How much of a [`PubDate`] the source actually showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

/// A calendar date known to day, month or year precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubDateError(pub String);

impl fmt::Display for PubDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date {:?}: expected YYYY-MM-DD, YYYY-MM or YYYY", self.0)
    }
}

impl std::error::Error for PubDateError {}

/// Years a publication of this domain can plausibly carry.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

impl PubDate {
    /// A full date, or `None` when the day does not exist in that month.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        (PLAUSIBLE_YEARS.contains(&year) && crate::instant::is_calendar_day(year, month, day)).then_some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn month(year: i32, month: u8) -> Option<Self> {
        (PLAUSIBLE_YEARS.contains(&year) && (1..=12).contains(&month)).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn year(year: i32) -> Option<Self> {
        PLAUSIBLE_YEARS.contains(&year).then_some(Self { year, month: None, day: None })
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first day the date may stand for; used for sorting and ranges.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 of [`Self::first_day`].
    pub fn days_since_epoch(&self) -> i64 {
        let (y, m, d) = self.first_day();
        crate::instant::days_from_civil(y, m, d)
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PubDate {
    type Err = PubDateError;

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, the canonical forms; dates
    /// in the other shapes sources write are read by [`PubDate::parse_given`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PubDateError(s.to_string());
        let mut parts = s.trim().split('-');
        let year = parse_part(parts.next(), 4).ok_or_else(err)?;
        let month = parts.next().map(|p| parse_part(Some(p), 2).ok_or_else(err)).transpose()?;
        let day = parts.next().map(|p| parse_part(Some(p), 2).ok_or_else(err)).transpose()?;
        if parts.next().is_some() {
            return Err(err());
        }
        let year = year as i32;
        match (month, day) {
            (Some(m), Some(d)) => Self::day(year, m as u8, d as u8),
            (Some(m), None) => Self::month(year, m as u8),
            _ => Self::year(year),
        }
        .ok_or_else(err)
    }
}

fn parse_part(part: Option<&str>, width: usize) -> Option<u32> {
    let part = part?;
    (part.len() == width && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
}

impl Serialize for PubDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PubDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for s in ["2025-08-25", "2025-08", "2025"] {
            assert_eq!(s.parse::<PubDate>().unwrap().to_string(), s);
        }
        assert_eq!("2025-08".parse::<PubDate>().unwrap().precision(), DatePrecision::Month);
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in ["2025-02-30", "2023-02-29", "2025-13-01", "25-01-01", "2025-1-1", "", "1800"] {
            assert!(s.parse::<PubDate>().is_err(), "{s}");
        }
        assert!("2024-02-29".parse::<PubDate>().is_ok());
    }

    #[test]
    fn epoch_days() {
        assert_eq!(PubDate::day(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(PubDate::day(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        assert_eq!(PubDate::year(2025).unwrap().days_since_epoch(), 20_089);
    }
}
