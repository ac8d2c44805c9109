//! An address as a QR code drawn in the terminal with Unicode half blocks, two modules a
//! character cell (one on top, one below), so a phone at hand can open the authorization
//! page when this machine has no browser (SSH, a server).

use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code: the specification asks for 4; on a screen the dark
/// terminal around the light frame adds its own margin, so 1 scans and keeps the code
/// small enough to leave the address on screen (https://www.qrcode.com/en/howto/code.html).
const QUIET: usize = 1;

/// Whether a phone could open `url`: not when it points at this machine's loopback
/// address (the sandbox, a local test), which on the phone is the phone itself.
pub fn helps(url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else { return false };
    match url.host() {
        Some(url::Host::Domain(name)) => !name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => !ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => !ip.is_loopback(),
        None => false,
    }
}

/// The code for `text`, as lines of text, and its width in columns; `None` when the text
/// cannot be encoded at all.
///
/// Light modules are drawn as blocks and dark ones as blanks, the convention of
/// `qrencode -t UTF8`: on the usual dark terminal that shows dark modules on a light
/// ground, as a scanner expects.
pub fn render(text: &str) -> Option<(String, usize)> {
    // The lowest error correction keeps the code small enough for an 80-column terminal;
    // a screen is not a damaged sticker.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let modules = code.width();
    let colors = code.to_colors();
    let size = modules + 2 * QUIET;
    let light = |x: usize, y: usize| {
        if x < QUIET || y < QUIET || x >= modules + QUIET || y >= modules + QUIET {
            return true;
        }
        colors[(y - QUIET) * modules + (x - QUIET)] == Color::Light
    };
    let mut out = String::with_capacity(size * size);
    for y in (0..size).step_by(2) {
        for x in 0..size {
            let top = light(x, y);
            let bottom = y + 1 >= size || light(x, y + 1);
            out.push(match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push('\n');
    }
    Some((out, size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_square_in_modules_and_framed_by_light() {
        let (text, width) = render("http://127.0.0.1:8080/oauth2/v1/authorize?client_id=x&state=y").unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert_eq!(lines.len(), width.div_ceil(2));
        // The quiet row on top shares its line with the first row of modules: light above
        // everywhere, and the top-left finder pattern's dark ring right after the margin.
        assert!(lines[0].chars().all(|c| c == '█' || c == '▀'), "the quiet zone on top");
        let row: Vec<char> = lines[0].chars().collect();
        assert_eq!(&row[..QUIET + 1], &['█', '▀']);
    }

    #[test]
    fn no_code_for_a_loopback_address() {
        for url in ["http://127.0.0.1:8080/a", "http://localhost/a", "http://[::1]:9/a", "not a url"] {
            assert!(!helps(url), "{url}");
        }
        assert!(helps("https://manager.hubrise.com/oauth2/v1/authorize?x=1"));
    }

    #[test]
    fn a_long_address_makes_a_wider_code() {
        let short = render("http://a.b/c").unwrap().1;
        let long = render(&format!("http://a.b/{}", "x".repeat(300))).unwrap().1;
        assert!(long > short);
    }
}
