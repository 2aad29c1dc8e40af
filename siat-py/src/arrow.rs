//! Reads Arrow columns into the core's values, one column at a time, without
//! Python objects.

use crate::convert::Missing;
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type};
use arrow_array::{Array, ArrayRef, GenericListArray, OffsetSizeTrait};
use arrow_schema::DataType;
use indexmap::IndexMap;
use siat_core::{Date, Value};
use std::sync::Arc;

/// Converts every cell of an Arrow column to a value.
///
/// Numbers of any width (and decimals) become `f64`. Strings, including
/// dictionary-encoded ones such as polars categoricals, become text. Dates
/// and timestamps become `YYYY-MM-DD` text, lists become lists, and structs
/// become objects. With [`Missing::Unanswered`] a NaN cell reads as a missing one
/// and null struct fields are left out; inside lists NaN stays a number.
/// Returns an error naming the type for binary, time, map and other types
/// that no answer takes.
pub(crate) fn column_values(array: &dyn Array, missing: Missing) -> Result<Vec<Value>, String> {
    let nulls = array.logical_nulls();
    let is_null = |row: usize| nulls.as_ref().is_some_and(|nulls| nulls.is_null(row));
    let rows = 0..array.len();

    let values = match array.data_type() {
        DataType::Null => vec![Value::Null; array.len()],
        DataType::Boolean => {
            let flags = array.as_boolean_opt().ok_or_else(|| mismatch(array))?;
            rows.map(|row| {
                if is_null(row) {
                    Value::Null
                } else {
                    Value::Bool(flags.value(row))
                }
            })
            .collect()
        }
        data_type if data_type.is_numeric() => {
            let cast = cast(array, &DataType::Float64)?;
            let numbers = cast
                .as_primitive_opt::<Float64Type>()
                .ok_or_else(|| mismatch(array))?;
            rows.map(|row| number(numbers.value(row), is_null(row), missing))
                .collect()
        }
        DataType::Utf8 => texts(
            array.as_string_opt::<i32>().map(|strings| strings.iter()),
            array,
        )?,
        DataType::LargeUtf8 => texts(
            array.as_string_opt::<i64>().map(|strings| strings.iter()),
            array,
        )?,
        DataType::Utf8View => texts(
            array.as_string_view_opt().map(|strings| strings.iter()),
            array,
        )?,
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(_, _) => {
            let cast = cast(array, &DataType::Date32)?;
            let days = cast
                .as_primitive_opt::<Date32Type>()
                .ok_or_else(|| mismatch(array))?;
            rows.map(|row| {
                if is_null(row) {
                    Value::Null
                } else {
                    Value::Text(Date::from_days_since_epoch(i64::from(days.value(row))).to_string())
                }
            })
            .collect()
        }
        DataType::Dictionary(_, value_type) => {
            let cast = cast(array, value_type)?;
            column_values(&cast, missing)?
        }
        DataType::List(_) => lists(array.as_list_opt::<i32>().ok_or_else(|| mismatch(array))?)?,
        DataType::LargeList(_) => {
            lists(array.as_list_opt::<i64>().ok_or_else(|| mismatch(array))?)?
        }
        DataType::FixedSizeList(field, _)
        | DataType::ListView(field)
        | DataType::LargeListView(field) => {
            let cast = cast(array, &DataType::LargeList(Arc::clone(field)))?;
            lists(cast.as_list_opt::<i64>().ok_or_else(|| mismatch(array))?)?
        }
        DataType::Struct(_) => objects(array, missing)?,
        other => {
            return Err(format!(
                "has the Arrow type `{other}`, which no answer or profile field takes"
            ))
        }
    };
    Ok(values)
}

fn number(value: f64, null: bool, missing: Missing) -> Value {
    if null || (value.is_nan() && missing == Missing::Unanswered) {
        Value::Null
    } else {
        Value::Number(value)
    }
}

fn texts<'a>(
    strings: Option<impl Iterator<Item = Option<&'a str>>>,
    array: &dyn Array,
) -> Result<Vec<Value>, String> {
    let strings = strings.ok_or_else(|| mismatch(array))?;
    Ok(strings
        .map(|text| text.map_or(Value::Null, |text| Value::Text(text.to_owned())))
        .collect())
}

fn lists<O: OffsetSizeTrait>(array: &GenericListArray<O>) -> Result<Vec<Value>, String> {
    // The elements of all rows are converted at once, then cut by the offsets.
    let elements = column_values(array.values().as_ref(), Missing::Kept)?;
    let offsets = array.value_offsets();
    let mut values = Vec::with_capacity(array.len());
    for (row, bounds) in offsets.windows(2).enumerate() {
        let (Some(start), Some(end)) = (bounds.first(), bounds.get(1)) else {
            continue;
        };
        if array.is_null(row) {
            values.push(Value::Null);
            continue;
        }
        let items = elements
            .get(start.as_usize()..end.as_usize())
            .unwrap_or_default();
        values.push(Value::List(items.to_vec()));
    }
    Ok(values)
}

fn objects(array: &dyn Array, missing: Missing) -> Result<Vec<Value>, String> {
    let structs = array.as_struct_opt().ok_or_else(|| mismatch(array))?;
    let mut fields = Vec::with_capacity(structs.num_columns());
    for (field, column) in structs.fields().iter().zip(structs.columns()) {
        let values = column_values(column.as_ref(), missing)
            .map_err(|error| format!("field `{}` {error}", field.name()))?;
        fields.push((field.name().clone(), values.into_iter()));
    }

    let mut values = Vec::with_capacity(array.len());
    for row in 0..array.len() {
        let mut map = IndexMap::new();
        for (name, column) in &mut fields {
            let value = column.next().unwrap_or_default();
            if missing == Missing::Unanswered && value == Value::Null {
                continue;
            }
            map.insert(name.clone(), value);
        }
        values.push(if structs.is_null(row) {
            Value::Null
        } else {
            Value::Object(map)
        });
    }
    Ok(values)
}

fn cast(array: &dyn Array, to: &DataType) -> Result<ArrayRef, String> {
    arrow_cast::cast(array, to).map_err(|error| format!("cannot be read as `{to}`: {error}"))
}

fn mismatch(array: &dyn Array) -> String {
    format!(
        "has an array that does not match its type `{}`",
        array.data_type()
    )
}
