//! Reads JavaScript values into the engine's input [`Value`].
//!
//! The walk reads the `JsValue` directly instead of going through
//! `JSON.stringify`, which would turn `NaN` and `Infinity` into `null` and so
//! hide a `not_finite` error. Every JavaScript call that can throw (a proxy
//! trap, a getter) goes through a `catch` binding, so no exception unwinds
//! through Rust frames.

use indexmap::IndexMap;
use siat_core::Value;
use wasm_bindgen::prelude::*;

/// Deepest nesting the walk reads, whatever the caller's limits are,
/// because each level is a Rust stack frame. An assessment nests four levels
/// (root, section, answer, option list).
pub const MAX_DEPTH: usize = 1_000;

/// Most values (objects, arrays and primitives together) read from one
/// input. An assessment of the built-in template has about a hundred.
pub const MAX_VALUES: usize = 100_000;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    pub(crate) fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// An input too large to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge;

/// Walks one JavaScript value, counting what it reads.
pub struct Reader {
    max_depth: usize,
    values_read: usize,
    ancestors: Vec<JsValue>,
}

impl Reader {
    /// Creates a reader that reads `max_depth` levels (at most [`MAX_DEPTH`])
    /// with a fresh value budget.
    ///
    /// Give it one level more than the engine's `limits.max_depth`, so the
    /// engine reaches the first level that is too deep and reports it as
    /// `out_of_range`.
    pub fn new(max_depth: usize) -> Reader {
        Reader {
            max_depth: max_depth.min(MAX_DEPTH),
            values_read: 0,
            ancestors: Vec::new(),
        }
    }

    /// Converts a JavaScript value.
    ///
    /// `undefined` and `null` become `Null` (unanswered), booleans, numbers
    /// (NaN and the infinities included) and strings map one to one, arrays
    /// become lists and plain objects become objects of their own enumerable
    /// string keys. Anything else (functions, symbols, bigints, `Map`,
    /// `Date`, class instances, circular references, nesting deeper than
    /// the reader's depth) becomes an [`unsupported`] value, which validation
    /// reports as `wrong_type`. Returns [`TooLarge`] past [`MAX_VALUES`].
    pub fn read(&mut self, value: &JsValue) -> Result<Value, TooLarge> {
        self.read_at(value, 0)
    }

    fn read_at(&mut self, value: &JsValue, depth: usize) -> Result<Value, TooLarge> {
        self.count(1)?;

        if value.is_undefined() || value.is_null() {
            return Ok(Value::Null);
        }
        if let Some(flag) = value.as_bool() {
            return Ok(Value::Bool(flag));
        }
        if let Some(number) = value.as_f64() {
            return Ok(Value::Number(number));
        }
        if let Some(text) = value.as_string() {
            return Ok(Value::Text(text));
        }
        if !value.is_object() {
            return Ok(unsupported(
                &value.js_typeof().as_string().unwrap_or_default(),
            ));
        }

        if depth >= self.max_depth {
            return Ok(unsupported("nesting too deep"));
        }
        if self
            .ancestors
            .iter()
            .any(|ancestor| js_sys::Object::is(ancestor, value))
        {
            return Ok(unsupported("circular reference"));
        }

        self.ancestors.push(value.clone());
        let converted = match is_array(value) {
            Ok(true) => self.read_array(value, depth),
            Ok(false) if is_plain_object(value) => self.read_object(value, depth),
            Ok(false) => Ok(unsupported(&class_name(value))),
            Err(_) => Ok(unsupported("revoked proxy")),
        };
        self.ancestors.pop();
        converted
    }

    fn count(&mut self, values: usize) -> Result<(), TooLarge> {
        self.values_read = self.values_read.saturating_add(values);
        if self.values_read > MAX_VALUES {
            return Err(TooLarge);
        }
        Ok(())
    }

    fn read_array(&mut self, array: &JsValue, depth: usize) -> Result<Value, TooLarge> {
        let length = match js_sys::Reflect::get(array, &JsValue::from_str("length")) {
            Ok(length) => length.as_f64().unwrap_or(0.0),
            Err(_) => return Ok(unsupported("unreadable array")),
        };
        // An array longer than the budget fails before any element is read.
        if length > MAX_VALUES as f64 {
            return Err(TooLarge);
        }

        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "length is a JavaScript array length no larger than MAX_VALUES"
        )]
        let length = length as u32;
        let mut items = Vec::with_capacity(length as usize);
        for position in 0..length {
            let item = match js_sys::Reflect::get_u32(array, position) {
                Ok(item) => self.read_at(&item, depth + 1)?,
                Err(_) => unsupported("unreadable element"),
            };
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn read_object(&mut self, object: &JsValue, depth: usize) -> Result<Value, TooLarge> {
        let Ok(keys) = object_keys(object) else {
            return Ok(unsupported("unreadable object"));
        };

        let mut map = IndexMap::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            // Object.keys returns strings only.
            let Some(name) = key.as_string() else {
                continue;
            };
            let entry = match js_sys::Reflect::get(object, &key) {
                Ok(entry) => self.read_at(&entry, depth + 1)?,
                Err(_) => unsupported("property getter threw"),
            };
            map.insert(name, entry);
        }
        Ok(Value::Object(map))
    }
}

/// Tells whether an object is a plain object: made by an object literal,
/// `JSON.parse`, `Object.create(null)` or `structuredClone`, also when it
/// comes from another realm such as an iframe.
pub(crate) fn is_plain_object(value: &JsValue) -> bool {
    match prototype_of(value) {
        Ok(prototype) if prototype.is_null() => true,
        // Only `Object.prototype` of some realm has a null prototype itself.
        Ok(prototype) => prototype_of(&prototype).is_ok_and(|above| above.is_null()),
        Err(_) => false,
    }
}

/// Names the class of an object for messages, e.g. `Map` or `Date`.
fn class_name(value: &JsValue) -> String {
    let name = prototype_of(value)
        .and_then(|prototype| js_sys::Reflect::get(&prototype, &JsValue::from_str("constructor")))
        .and_then(|constructor| js_sys::Reflect::get(&constructor, &JsValue::from_str("name")))
        .ok()
        .and_then(|name| name.as_string())
        .filter(|name| !name.is_empty());
    name.unwrap_or_else(|| "object".to_owned())
}

/// Describes a JavaScript value that JSON cannot express; validation
/// reports it as `wrong_type` at its own path.
pub fn unsupported(description: &str) -> Value {
    Value::Other(description.to_owned())
}
