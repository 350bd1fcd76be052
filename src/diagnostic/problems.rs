//! What can be wrong with a path, a link, an image, a YAML document's size
//! or an output folder: the typed reasons that hostile or unlucky input gets
//! (see the README's Security section), for messages to name in words.

/// Which of the YAML limits a document went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlLimit {
    Depth,
    Values,
    Text,
    /// Anchors and aliases (`&a`, `*a`) repeated to multiply a document.
    Anchors,
}

/// Where files of a kind must lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// The plan folder (plan.yaml, content/).
    Plan,
    Content,
    Themes,
}

/// What names a file: an image in the text, a link, the logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Image,
    Link,
    Logo,
}

/// Why an address is not published.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkProblem {
    /// A scheme not on the allow-list, in lower case.
    Scheme(String),
    /// A control character inside the address.
    Control(char),
}

/// The image formats planpress shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    Webp,
    Svg,
}

impl ImageFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Gif => "GIF",
            ImageFormat::Webp => "WebP",
            ImageFormat::Svg => "SVG",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Gif => "gif",
            ImageFormat::Webp => "webp",
            ImageFormat::Svg => "svg",
        }
    }
}

/// Why an image cannot be shown. Decoders' own messages are for
/// programmers, so none of them is kept.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageProblem {
    /// The name ends in none of the formats' extensions.
    UnknownFormat,
    Unreadable(IoProblem),
    Empty,
    FileTooLarge,
    TooManyPixels,
    /// A file of one format named as another.
    Mislabelled {
        actual: ImageFormat,
        named: ImageFormat,
    },
    /// Text in a file named as an image.
    Text {
        named: ImageFormat,
    },
    /// Damaged or cut short.
    Damaged {
        format: ImageFormat,
    },
    /// A GIF without a single picture.
    NoPicture,
    SvgTooDeep,
    SvgTooManyElements,
    /// An SVG without width, height or viewBox.
    SvgNoSize,
    /// An SVG `<image>` that points to another file.
    SvgDrawsFile {
        href: String,
    },
}

/// Why a folder may not be the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputRefusal {
    Link,
    File,
    IsPlan,
    HoldsPlan,
    InContent,
    InThemes,
}

/// Why the adopted version of a plan (`adopted.ref`) cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryProblem {
    /// The `git` command is not installed.
    NoGit,
    /// The plan folder is not inside a git repository.
    NotInGit,
    /// git knows no tag or commit of that name.
    UnknownRef,
    /// git failed; its own words.
    Git(String),
    /// The adopted version does not check clean (`errors` errors).
    AdoptedInvalid { errors: usize },
}

/// The things a plan is made of, for messages that name one. Each language
/// gives them the article and form its grammar needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Plan,
    Section,
    Goal,
    Indicator,
    Link,
    Baseline,
    Brand,
    /// `adopted:` in plan.yaml.
    Adoption,
    /// `contact:` in plan.yaml.
    Contact,
    /// `signature:` in a section.
    Signature,
    TargetGroup,
    Track,
    NationalGoal,
    /// A case's header: `case:` in plan.yaml.
    Case,
    Decision,
}

impl Thing {
    /// The plan.yaml list a vocabulary entry lives in.
    pub fn list_field(self) -> &'static str {
        match self {
            Thing::TargetGroup => "target_groups",
            Thing::Track => "tracks",
            _ => "national_goals",
        }
    }
}

/// Why a file could not be read or written.
#[derive(Debug, Clone, PartialEq)]
pub enum IoProblem {
    NotFound,
    PermissionDenied,
    /// The system's own words.
    Other(String),
}

impl From<&std::io::Error> for IoProblem {
    fn from(e: &std::io::Error) -> IoProblem {
        match e.kind() {
            std::io::ErrorKind::NotFound => IoProblem::NotFound,
            std::io::ErrorKind::PermissionDenied => IoProblem::PermissionDenied,
            _ => IoProblem::Other(e.to_string()),
        }
    }
}
