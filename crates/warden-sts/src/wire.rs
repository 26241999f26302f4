//! A tiny, deterministic, bounded binary encoding for the session record (ADR 0004).
//!
//! Integers are fixed-width big-endian, strings are a `u16` byte length followed by UTF-8,
//! lists are a `u16` count followed by their items. Every length is bounded on decode so
//! that a (necessarily authenticated) token can never make the decoder allocate more than
//! the plaintext it was given.

/// Appends encoded values to a buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

/// A value too large for the encoding (the sealer refuses such records).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(crate) fn i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_be_bytes());
    }

    pub(crate) fn str(&mut self, s: &str) -> Result<(), TooLarge> {
        let len = u16::try_from(s.len()).map_err(|_| TooLarge)?;
        self.buf.extend_from_slice(&len.to_be_bytes());
        self.buf.extend_from_slice(s.as_bytes());
        Ok(())
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) -> Result<(), TooLarge> {
        match s {
            None => {
                self.u8(0);
                Ok(())
            }
            Some(s) => {
                self.u8(1);
                self.str(s)
            }
        }
    }

    pub(crate) fn count(&mut self, n: usize) -> Result<(), TooLarge> {
        let n = u16::try_from(n).map_err(|_| TooLarge)?;
        if usize::from(n) > MAX_ITEMS {
            return Err(TooLarge);
        }
        self.buf.extend_from_slice(&n.to_be_bytes());
        Ok(())
    }

    pub(crate) fn strs(&mut self, items: &[String]) -> Result<(), TooLarge> {
        self.count(items.len())?;
        items.iter().try_for_each(|s| self.str(s))
    }
}

/// The most items any list of the record may hold (role tags + session tags + inherited
/// transitive tags stay far below it).
pub(crate) const MAX_ITEMS: usize = 512;

/// Malformed plaintext (only reachable with a valid AEAD tag, i.e. a bug or a key leak).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Malformed;

/// Reads values back, checking every bound.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        if self.rest.len() < n {
            return Err(Malformed);
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, Malformed> {
        let b = self.take(1)?;
        b.first().copied().ok_or(Malformed)
    }

    pub(crate) fn bool(&mut self) -> Result<bool, Malformed> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Malformed),
        }
    }

    pub(crate) fn i64(&mut self) -> Result<i64, Malformed> {
        let b = self.take(8)?;
        let arr: [u8; 8] = b.try_into().map_err(|_| Malformed)?;
        Ok(i64::from_be_bytes(arr))
    }

    fn u16(&mut self) -> Result<u16, Malformed> {
        let b = self.take(2)?;
        let arr: [u8; 2] = b.try_into().map_err(|_| Malformed)?;
        Ok(u16::from_be_bytes(arr))
    }

    pub(crate) fn str(&mut self) -> Result<String, Malformed> {
        let len = usize::from(self.u16()?);
        let b = self.take(len)?;
        std::str::from_utf8(b)
            .map(str::to_owned)
            .map_err(|_| Malformed)
    }

    pub(crate) fn opt_str(&mut self) -> Result<Option<String>, Malformed> {
        if self.bool()? {
            Ok(Some(self.str()?))
        } else {
            Ok(None)
        }
    }

    pub(crate) fn count(&mut self) -> Result<usize, Malformed> {
        let n = usize::from(self.u16()?);
        if n > MAX_ITEMS {
            return Err(Malformed);
        }
        Ok(n)
    }

    pub(crate) fn strs(&mut self) -> Result<Vec<String>, Malformed> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }

    pub(crate) fn finish(self) -> Result<(), Malformed> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(Malformed)
        }
    }
}
