"""board settings, agencies, areas, targets, actions, invitation and entry authorship

Revision ID: 2c2599f6039c
Revises: 4c6d511e332c
Create Date: 2026-11-24 00:32:44.123576
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '2c2599f6039c'
down_revision = '4c6d511e332c'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('agency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('board_id', 'name', name='uq_agency_name')
    )
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_board_id'), ['board_id'], unique=False)

    op.create_table('area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('board_id', 'name', name='uq_area_name')
    )
    with op.batch_alter_table('area', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_area_board_id'), ['board_id'], unique=False)

    op.create_table('boardaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('you_said', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('we_did', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.ForeignKeyConstraint(['created_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('boardaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_boardaction_board_id'), ['board_id'], unique=False)

    op.create_table('metrictarget',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('metric', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.ForeignKeyConstraint(['updated_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('board_id', 'metric', name='uq_metric_target')
    )
    with op.batch_alter_table('metrictarget', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metrictarget_board_id'), ['board_id'], unique=False)

    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.add_column(sa.Column('brand_colour', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('logo_svg', sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('languages', sa.JSON(), nullable=False, server_default='[]'))

    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_by', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('short_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        batch_op.add_column(sa.Column('batch', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_invitation_created_by'), ['created_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_short_code'), ['short_code'], unique=True)
        batch_op.create_foreign_key('fk_invitation_created_by_user', 'user', ['created_by'], ['id'])

    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered_by', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_response_entered_by'), ['entered_by'], unique=False)
        batch_op.create_foreign_key('fk_response_entered_by_user', 'user', ['entered_by'], ['id'])




def downgrade() -> None:

    with op.batch_alter_table('response', schema=None) as batch_op:
        # WARNING: constraint name is None; this directive will fail as
        # rendered.  Add a name, or use a naming convention; see
        # https://alembic.sqlalchemy.org/en/latest/naming.html
        batch_op.drop_constraint('fk_response_entered_by_user', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_response_entered_by'))
        batch_op.drop_column('updated_at')
        batch_op.drop_column('entered_by')

    with op.batch_alter_table('invitation', schema=None) as batch_op:
        # WARNING: constraint name is None; this directive will fail as
        # rendered.  Add a name, or use a naming convention; see
        # https://alembic.sqlalchemy.org/en/latest/naming.html
        batch_op.drop_constraint('fk_invitation_created_by_user', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_invitation_short_code'))
        batch_op.drop_index(batch_op.f('ix_invitation_created_by'))
        batch_op.drop_column('batch')
        batch_op.drop_column('short_code')
        batch_op.drop_column('created_by')

    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_column('languages')
        batch_op.drop_column('logo_svg')
        batch_op.drop_column('brand_colour')

    with op.batch_alter_table('metrictarget', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_metrictarget_board_id'))

    op.drop_table('metrictarget')
    with op.batch_alter_table('boardaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_boardaction_board_id'))

    op.drop_table('boardaction')
    with op.batch_alter_table('area', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_area_board_id'))

    op.drop_table('area')
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_board_id'))

    op.drop_table('agency')

