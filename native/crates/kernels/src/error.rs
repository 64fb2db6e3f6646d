use std::fmt;

/// The same codes as the TypeScript `ParquetryError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Truncated,
    Corrupt,
    Unsupported,
    Limit,
    InvalidArgument,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Truncated => "TRUNCATED",
            ErrorCode::Corrupt => "CORRUPT",
            ErrorCode::Unsupported => "UNSUPPORTED",
            ErrorCode::Limit => "LIMIT",
            ErrorCode::InvalidArgument => "INVALID_ARGUMENT",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError {
    pub code: ErrorCode,
    /// Byte offset in the input where the problem was found, when there is one.
    pub offset: Option<usize>,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, KernelError>;

impl KernelError {
    pub fn new(code: ErrorCode, offset: Option<usize>, message: impl Into<String>) -> Self {
        KernelError { code, offset, message: message.into() }
    }
    pub fn truncated(offset: usize, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Truncated, Some(offset), message)
    }
    pub fn corrupt(offset: usize, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Corrupt, Some(offset), message)
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, None, message)
    }
}

/// `CODE@OFFSET: message`, the form the TypeScript side parses back into a ParquetryError.
impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{}@{}: {}", self.code.as_str(), offset, self.message),
            None => write!(f, "{}@-: {}", self.code.as_str(), self.message),
        }
    }
}

impl std::error::Error for KernelError {}
