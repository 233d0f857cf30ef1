/* screenshots.c: renders every page of the window to PNG files, in English and French, at
 * 1280×800 and 600 px wide, to look at them. Not a test.
 *
 *   dbus-run-session -- xvfb-run -a build/tests/screenshots OUTDIR
 *
 * Each language runs in its own process (gettext reads the language once). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "declic-window.h"
#include "entry/declic-entry-window.h"
#include "preferences/declic-preferences-window.h"
#include "wizard/declic-wizard.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The first popover under @widget, depth first. */
static GtkWidget *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_POPOVER (child) ? child : find_popover (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_png (GtkWidget  *window,
          const char *outdir,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", outdir, name);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* A plain background, as the compositor would show behind the window. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("Could not write %s\n", path);
  else
    g_print ("%s\n", path);
}

/* The mapped scrolled window under @widget with the most to scroll, to show a page's end. */
static GtkScrolledWindow *
find_scrolled (GtkWidget *widget,
               double    *best)
{
  GtkScrolledWindow *found = NULL;

  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
      double extra = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      if (extra > *best)
        {
          *best = extra;
          found = GTK_SCROLLED_WINDOW (widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *deeper = find_scrolled (child, best);

      if (deeper != NULL)
        found = deeper;
    }
  return found;
}

/* Opens every repeated item (AdwExpanderRow) under @widget; TRUE when there was one. */
static gboolean
expand_items (GtkWidget *widget)
{
  gboolean found = FALSE;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (ADW_IS_EXPANDER_ROW (widget))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
      found = TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    found |= expand_items (child);
  return found;
}

static void
shoot_size (const char *outdir,
            const char *lang,
            int         width,
            int         height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("declic-shots-XXXXXX", &error);
  g_autofree char *prefix = g_strdup_printf ("%s-%d", lang, width);
  g_autofree char *name = NULL;
  DeclicWindow *window;

  g_assert_no_error (error);
  window = declic_window_new (NULL, folder);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (600);

  name = g_strdup_printf ("%s-00-welcome", prefix);
  save_png (GTK_WIDGET (window), outdir, name);

  if (width >= 1000)
    {
      g_autofree char *prefs_name = g_strdup_printf ("%s-98-preferences", prefix);
      GtkWidget *prefs = declic_preferences_window_new (GTK_WINDOW (window));

      gtk_window_present (GTK_WINDOW (prefs));
      spin (500);
      save_png (prefs, outdir, prefs_name);
      gtk_window_destroy (GTK_WINDOW (prefs));
    }

  g_action_group_activate_action (G_ACTION_GROUP (window), "open-sample", NULL);
  spin (500);

  {
    GtkWidget *wizard = declic_window_get_wizard (window);

    for (int page = 0; wizard != NULL && page < DECLIC_WIZARD_N_PAGES; page++)
      {
        g_autofree char *page_name = g_strdup_printf ("%s-%02d-page", prefix, page + 1);
        declic_wizard_show_section (DECLIC_WIZARD (wizard), page);
        spin (300);
        save_png (GTK_WIDGET (window), outdir, page_name);

        /* A page taller than the window is shown again scrolled to its end (the points of the
         * results page are below the streams). */
        {
          double best = 50;
          GtkScrolledWindow *scrolled = find_scrolled (wizard, &best);

          if (scrolled != NULL)
            {
              GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
              g_autofree char *end_name = g_strdup_printf ("%s-%02d-page-end", prefix, page + 1);

              /* One screen down first, when the page is taller than two. */
              if (best > gtk_adjustment_get_page_size (adj))
                {
                  g_autofree char *next_name = g_strdup_printf ("%s-%02d-page-next", prefix, page + 1);

                  gtk_adjustment_set_value (adj, gtk_adjustment_get_page_size (adj) * 0.9);
                  spin (200);
                  save_png (GTK_WIDGET (window), outdir, next_name);
                }
              gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
              spin (200);
              save_png (GTK_WIDGET (window), outdir, end_name);
              gtk_adjustment_set_value (adj, 0);
            }
        }

        /* A page of repeated items again with them open, to see their fields (hours, dates). */
        if (wizard != NULL && width >= 1000 && expand_items (wizard))
          {
            g_autofree char *open_name = g_strdup_printf ("%s-%02d-page-open", prefix, page + 1);

            double best = 50;
            GtkScrolledWindow *scrolled;

            spin (300);
            save_png (GTK_WIDGET (window), outdir, open_name);
            /* Then a screen further down each time, to the end (at most five more). */
            scrolled = find_scrolled (wizard, &best);
            for (int step = 1; scrolled != NULL && step <= 5; step++)
              {
                GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
                double next = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) * 0.9;
                g_autofree char *step_name = g_strdup_printf ("%s-%02d-page-open-%d", prefix, page + 1, step);

                if (gtk_adjustment_get_value (adj) >= gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - 1)
                  break;
                gtk_adjustment_set_value (adj, next);
                spin (200);
                save_png (GTK_WIDGET (window), outdir, step_name);
              }
          }
      }

    /* The spouse's education level drop-down, open: its popover is a surface of its own. */
    if (wizard != NULL)
      {
        GtkWidget *row = declic_wizard_get_row (DECLIC_WIZARD (wizard), "family.spouse.education_level");
        g_autofree char *popup_name = g_strdup_printf ("%s-97-levels", prefix);

        declic_wizard_show_section (DECLIC_WIZARD (wizard), 2);
        spin (300);
        if (row != NULL)
          {
            GtkWidget *popover;

            gtk_widget_activate (row);
            spin (500);
            popover = find_popover (row);

            if (popover != NULL && gtk_widget_get_visible (popover))
              save_png (popover, outdir, popup_name);
            if (popover != NULL)
              gtk_popover_popdown (GTK_POPOVER (popover));
            spin (200);
          }
      }
  }

  /* The Arrima entry companion of the sample. */
  if (width >= 1000)
    {
      g_autofree char *entry_name = g_strdup_printf ("%s-97-entry", prefix);
      GList *toplevels;

      g_action_group_activate_action (G_ACTION_GROUP (window), "enter-in-arrima", NULL);
      spin (500);
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (DECLIC_IS_ENTRY_WINDOW (l->data))
          {
            save_png (l->data, outdir, entry_name);
            gtk_window_destroy (l->data);
            break;
          }
      g_list_free (toplevels);
    }

  /* The sidebar with its one draft, when the window is folded. */
  if (width < 700)
    {
      g_autofree char *list_name = g_strdup_printf ("%s-99-list", prefix);
      g_action_group_activate_action (G_ACTION_GROUP (window), "go-back", NULL);
      spin (300);
      save_png (GTK_WIDGET (window), outdir, list_name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
}

static int
run_language (const char *outdir,
              const char *lang)
{
  const char *localedir = g_getenv ("DECLIC_LOCALEDIR");

  g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* What the application's resource base path gives the real app: its own icon. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/ca/declic/Declic/icons");

  shoot_size (outdir, lang, 1280, 800);
  shoot_size (outdir, lang, 600, 800);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  const char *langs[] = { "en", "fr" };

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTDIR\n", argv[0]);
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT "/resources", TRUE);
  /* The NOC list is the built-in one, unless $DECLIC_NOC_FILE names another. */
  if (g_getenv ("GTK_A11Y") == NULL)
    g_setenv ("GTK_A11Y", "none", TRUE);
  if (g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_mkdir_with_parents (argv[1], 0755);

  if (argc >= 3)
    return run_language (argv[1], argv[2]);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      const char *child_argv[] = { argv[0], argv[1], langs[i], NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("%s: %s\n", langs[i], error->message);
          return 1;
        }
    }
  return 0;
}
