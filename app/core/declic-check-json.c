/* declic-check-json.c: a check as JSON (see the header). */
#define G_LOG_DOMAIN "declic-check"

#include "config.h"

#include "declic-check-json.h"
#include "declic-utils.h"

static json_object *
findings_to_json (GPtrArray *findings)
{
  json_object *array = json_object_new_array ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      DeclicFinding *finding = g_ptr_array_index (findings, i);
      json_object *object = json_object_new_object ();
      DeclicSection section = declic_finding_get_section (finding);

      json_object_object_add (object, "code", json_object_new_string (declic_finding_get_code (finding)));
      json_object_object_add (object, "path", json_object_new_string (declic_finding_get_path (finding)));
      json_object_object_add (object, "section",
                              section != DECLIC_SECTION_NONE ? json_object_new_string (declic_section_get_id (section)) : NULL);
      json_object_object_add (object, "severity",
                              json_object_new_string (declic_severity_get_id (declic_finding_get_severity (finding))));
      json_object_object_add (object, "message", json_object_new_string (declic_finding_get_message (finding)));
      json_object_array_add (array, object);
    }
  return array;
}

static json_object *
date_to_json (const GDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  text = declic_utils_format_date (date);
  return json_object_new_string (text);
}

static json_object *
strings_to_json (GPtrArray *strings)
{
  json_object *array = json_object_new_array ();

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    json_object_array_add (array, json_object_new_string (g_ptr_array_index (strings, i)));
  return array;
}

static json_object *
eligibility_to_json (DeclicEligibility *eligibility)
{
  json_object *object = json_object_new_object ();
  json_object *streams = json_object_new_array ();

  json_object_object_add (object, "rule_set", json_object_new_string (eligibility->rule_set_id));
  json_object_object_add (object, "status", json_object_new_string (declic_rule_status_get_id (eligibility->status)));
  for (guint i = 0; i < eligibility->streams->len; i++)
    {
      DeclicStreamEligibility *stream = g_ptr_array_index (eligibility->streams, i);
      json_object *s = json_object_new_object ();

      json_object_object_add (s, "id", json_object_new_string (stream->id));
      json_object_object_add (s, "number", json_object_new_int (stream->number));
      json_object_object_add (s, "title", json_object_new_string (stream->title != NULL ? stream->title : ""));
      json_object_object_add (s, "met", json_object_new_boolean (stream->met));
      json_object_object_add (s, "certain", json_object_new_boolean (stream->certain));
      json_object_object_add (s, "reasons", findings_to_json (stream->reasons));
      json_object_object_add (s, "notes", findings_to_json (stream->notes));
      json_object_array_add (streams, s);
    }
  json_object_object_add (object, "streams", streams);
  return object;
}

static json_object *
points_to_json (DeclicPoints *points)
{
  json_object *object = json_object_new_object ();
  json_object *factors = json_object_new_array ();

  json_object_object_add (object, "estimate", json_object_new_boolean (TRUE));
  json_object_object_add (object, "total", json_object_new_int (points->total));
  json_object_object_add (object, "max", json_object_new_int (points->max_total));
  json_object_object_add (object, "grid", json_object_new_string (points->grid_id));
  json_object_object_add (object, "grid_version", json_object_new_string (points->grid_version));
  json_object_object_add (object, "rule_set", json_object_new_string (points->rule_set_id));
  json_object_object_add (object, "status", json_object_new_string (declic_rule_status_get_id (points->status)));
  json_object_object_add (object, "with_spouse", json_object_new_boolean (points->with_spouse));

  for (DeclicPointsFactor f = 0; f < DECLIC_POINTS_N_FACTORS; f++)
    {
      json_object *factor = json_object_new_object ();
      json_object *items = json_object_new_array ();

      json_object_object_add (factor, "id", json_object_new_string (declic_points_factor_get_id (f)));
      json_object_object_add (factor, "label", json_object_new_string (declic_points_factor_get_label (f)));
      json_object_object_add (factor, "points", json_object_new_int (points->factor_points[f]));
      json_object_object_add (factor, "max", json_object_new_int (points->factor_max[f]));
      for (guint i = 0; i < points->items->len; i++)
        {
          DeclicPointsItem *item = g_ptr_array_index (points->items, i);
          json_object *o;

          if (item->factor != f)
            continue;
          o = json_object_new_object ();
          json_object_object_add (o, "id", json_object_new_string (item->id));
          json_object_object_add (o, "label", json_object_new_string (item->label));
          json_object_object_add (o, "points", json_object_new_int (item->points));
          json_object_object_add (o, "max", json_object_new_int (item->max));
          json_object_object_add (o, "input", json_object_new_string (item->input));
          json_object_object_add (o, "path", json_object_new_string (item->path));
          json_object_array_add (items, o);
        }
      json_object_object_add (factor, "items", items);
      json_object_array_add (factors, factor);
    }
  json_object_object_add (object, "factors", factors);
  json_object_object_add (object, "notes", strings_to_json (points->notes));
  return object;
}

static json_object *
deadlines_to_json (GPtrArray *deadlines)
{
  json_object *array = json_object_new_array ();

  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    {
      DeclicDeadline *deadline = g_ptr_array_index (deadlines, i);
      json_object *o = json_object_new_object ();

      json_object_object_add (o, "id", json_object_new_string (deadline->id));
      json_object_object_add (o, "label", json_object_new_string (deadline->label));
      json_object_object_add (o, "path", json_object_new_string (deadline->path));
      json_object_object_add (o, "date", date_to_json (&deadline->date));
      json_object_object_add (o, "days_left", json_object_new_int (deadline->days_left));
      json_object_object_add (o, "status", json_object_new_string (declic_deadline_status_get_id (deadline->status)));
      json_object_object_add (o, "source_status", json_object_new_string (declic_rule_status_get_id (deadline->source_status)));
      json_object_object_add (o, "confirmed", json_object_new_boolean (deadline->confirmed));
      json_object_array_add (array, o);
    }
  return array;
}

/**
 * declic_check_add_to_json:
 * @object: a JSON object to add the check's members to
 *
 * Adds "today", "reference_date", "rule_set", "recorded_rule_set_id", "stage", "fileable", "issues",
 * "eligibility", "points" and "deadlines".
 */
void
declic_check_add_to_json (DeclicCheck *check,
                          json_object *object)
{
  json_object *rules = NULL;

  g_return_if_fail (check != NULL);
  g_return_if_fail (object != NULL);

  if (check->rule_set != NULL)
    {
      rules = json_object_new_object ();
      json_object_object_add (rules, "id", json_object_new_string (declic_rule_set_get_id (check->rule_set)));
      json_object_object_add (rules, "title", json_object_new_string (declic_rule_set_get_title (check->rule_set)));
    }
  json_object_object_add (object, "today", date_to_json (&check->today));
  json_object_object_add (object, "reference_date", date_to_json (&check->reference));
  json_object_object_add (object, "rule_set", rules);
  json_object_object_add (object, "recorded_rule_set_id",
                          check->recorded != NULL ? json_object_new_string (check->recorded) : NULL);
  json_object_object_add (object, "stage", json_object_new_string (declic_di_stage_get_id (check->stage)));
  json_object_object_add (object, "fileable", json_object_new_boolean (check->fileable));
  json_object_object_add (object, "issues", findings_to_json (check->findings));
  json_object_object_add (object, "eligibility", check->eligibility != NULL ? eligibility_to_json (check->eligibility) : NULL);
  json_object_object_add (object, "points", check->points != NULL ? points_to_json (check->points) : NULL);
  json_object_object_add (object, "deadlines", deadlines_to_json (check->deadlines));
}

json_object *
declic_check_json_date (const GDate *date)
{
  return date_to_json (date);
}

json_object *
declic_check_json_eligibility (DeclicEligibility *eligibility)
{
  return eligibility_to_json (eligibility);
}

json_object *
declic_check_json_points (DeclicPoints *points)
{
  return points_to_json (points);
}
