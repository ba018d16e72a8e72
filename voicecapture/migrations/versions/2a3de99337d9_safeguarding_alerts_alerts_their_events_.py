"""safeguarding alerts: alerts, their events and emails, encrypted contact requests, board escalation settings

Revision ID: 2a3de99337d9
Revises: be70ec44ab57
Create Date: 2026-11-24 05:06:03.839183
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '2a3de99337d9'
down_revision = 'be70ec44ab57'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=True),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.LargeBinary(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('raised_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('due_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('acknowledged_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('acknowledged_by', sa.Integer(), nullable=True),
    sa.Column('escalated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('closed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['acknowledged_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], ),
    sa.ForeignKeyConstraint(['draft_id'], ['draft.id'], ),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], ),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('draft_id', name='uq_alert_draft'),
    sa.UniqueConstraint('response_id', name='uq_alert_response')
    )
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index('ix_alert_board_status', ['board_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_alert_raised_at'), ['raised_at'], unique=False)

    op.create_table('alertevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('alertevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alertevent_alert_id'), ['alert_id'], unique=False)

    op.create_table('alertnotice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('alert_id', 'kind', 'user_id', name='uq_alert_notice')
    )
    with op.batch_alter_table('alertnotice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alertnotice_alert_id'), ['alert_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alertnotice_sent_at'), ['sent_at'], unique=False)

    op.create_table('contactrequest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('delete_after', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alert.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('alert_id', name='uq_contact_alert')
    )
    with op.batch_alter_table('contactrequest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contactrequest_delete_after'), ['delete_after'], unique=False)

    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.add_column(sa.Column('alert_ack_hours', sa.Integer(), nullable=False, server_default='4'))
        batch_op.add_column(sa.Column('escalation_lead_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_board_escalation_lead', 'user', ['escalation_lead_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_constraint('fk_board_escalation_lead', type_='foreignkey')
        batch_op.drop_column('escalation_lead_id')
        batch_op.drop_column('alert_ack_hours')

    with op.batch_alter_table('contactrequest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contactrequest_delete_after'))

    op.drop_table('contactrequest')
    with op.batch_alter_table('alertnotice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alertnotice_sent_at'))
        batch_op.drop_index(batch_op.f('ix_alertnotice_alert_id'))

    op.drop_table('alertnotice')
    with op.batch_alter_table('alertevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alertevent_alert_id'))

    op.drop_table('alertevent')
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_raised_at'))
        batch_op.drop_index('ix_alert_board_status')

    op.drop_table('alert')
